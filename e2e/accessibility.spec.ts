import { expectNoSeriousA11yViolations } from './support/axe-scan';
import { generated, photos } from './support/paths';
import { expect, test } from './support/test';

// Each screen a person meets, scanned by axe-core: no serious or critical violations. (The camera screen is
// scanned in camera.spec.ts, which runs in the fake-camera browser.)
test.describe('accessibility', () => {
  test.beforeEach(async ({ app }) => {
    await app.open();
  });

  test('home screen', async ({ page }) => {
    await expectNoSeriousA11yViolations(page, 'home');
  });

  test('frame and result screens', async ({ app, page }) => {
    await app.choose(photos.mole);
    await expect(page.getByTestId('analyse')).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'frame');
    await app.analyse();
    await expectNoSeriousA11yViolations(page, 'result');
  });

  test('error message', async ({ app, page }) => {
    await app.chooseUnreadable(generated.textAsJpeg);
    await expectNoSeriousA11yViolations(page, 'error');
  });

  test('model card', async ({ page }) => {
    const opener = /model card|about the model|how the model/i;
    await page
      .getByRole('button', { name: opener })
      .or(page.getByRole('link', { name: opener }))
      .first()
      .click();
    await expect(page.getByRole('heading', { level: 1, name: /model/i })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'model card');
  });
});
