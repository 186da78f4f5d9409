import path from 'node:path';
import { generated, missing, photos, sharedDir } from './support/paths';
import { expect, test } from './support/test';

// Inputs that are no close-up of skin: the quality/domain guard must say "inconclusive", not low or high.
const baseTestImages = path.join(sharedDir, 'models', 'mobilenet_v2_1.0_224_quant', 'test-images');

const cases = [
  { name: 'a blank grey image', file: generated.greyJpeg, needsShared: false },
  { name: 'a landscape photo', file: generated.landscapeJpeg, needsShared: false },
  { name: 'a photo of a dragonfly', file: path.join(baseTestImages, 'dragonfly.bmp'), needsShared: true },
  { name: 'a portrait', file: path.join(baseTestImages, 'grace_hopper.bmp'), needsShared: true },
];

test.describe('quality and domain guard', () => {
  test.beforeEach(async ({ app }) => {
    await app.open();
  });

  for (const { name, file, needsShared } of cases) {
    test(`${name} is inconclusive, by the guard`, async ({ app, page }) => {
      const reason = needsShared ? missing(file) : null;
      test.skip(reason !== null, reason ?? '');
      const verdict = await app.analyseFile(file);
      expect(verdict.risk).toBe('inconclusive');
      expect(verdict.guardRejected, 'inconclusive only by probability, the guard did not object').toBe(true);
      // Not "inconclusive" in words: the photo was not assessed at all, and nothing about the mole is implied.
      await expect(page.getByTestId('risk-level').getByRole('heading')).toHaveText(
        'Photo not assessed — please retake it',
      );
      await expect(page.getByTestId('error-rate')).toHaveCount(0);
    });
  }

  test('a turned-down photo can still be saved, with a one-line warning that it has no estimate', async ({
    app,
    page,
  }) => {
    const verdict = await app.analyseFile(generated.greyJpeg);
    expect(verdict.guardRejected).toBe(true);
    await page.getByTestId('save-check').click();
    await expect(page.getByTestId('save-no-estimate')).toHaveText(
      '⚠ No estimate: this photo did not pass the photo check, so it is saved without one.',
    );
    await expect(page.getByTestId('save-check-confirm')).toBeEnabled();
  });
});

test.describe('on a phone screen (390×844)', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('an assessed photo shows the phone-photo caveat and how often the model is wrong on the first screen', async ({
    app,
    page,
  }) => {
    await app.open();
    const verdict = await app.analyseFile(photos.mole);
    expect(verdict.guardRejected).toBe(false);
    await page.evaluate(() => window.scrollTo(0, 0));
    const rate = page.getByTestId('error-rate');
    await expect(rate).toContainText(/in a test on photos it had never seen/i);
    await expect(rate.getByRole('button', { name: 'How often it is wrong' })).toBeVisible();
    const note = page.getByTestId('domain-note');
    await expect(note).toContainText('The model learned from dermatoscope images');
    await expect(note).toBeInViewport({ ratio: 1 });
  });

  test('"How often it is wrong" opens the model card at its results, with focus there', async ({
    app,
    page,
  }) => {
    await app.open();
    await app.analyseFile(photos.mole);
    await page.getByRole('button', { name: 'How often it is wrong' }).click();
    const results = page.getByRole('heading', { name: 'How well it did' });
    await expect(results).toBeFocused();
    await expect(results).toBeInViewport();
    // From home the card still opens at its top.
    await app.open();
    await page.getByRole('button', { name: /how the model was made and tested/i }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  });
});
