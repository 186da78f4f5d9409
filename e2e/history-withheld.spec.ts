import { generated, photos } from './support/paths';
import { expect, test } from './support/test';

// A photo the photo check turned down has its number withheld on the result screen; saving it to My moles must
// not bring the number back (timeline, compare), and a change in probability is only stated between checks
// that have one.
test('a turned-down photo saved to My moles shows no estimate in the timeline or compare view', async ({
  app,
  page,
}) => {
  test.setTimeout(180_000);
  await app.open();
  const rejected = await app.analyseFile(generated.landscapeJpeg);
  expect(rejected.guardRejected).toBe(true);
  await page.getByTestId('save-check').click();
  await page.getByTestId('mole-name').fill('Right arm');
  await page.getByTestId('body-location').selectOption('back-upper-left');
  await page.getByTestId('save-check-confirm').click();
  await expect(page.getByTestId('history-status')).toContainText('Saved to “Right arm”');

  await page.getByRole('button', { name: 'Check another photo' }).click();
  const accepted = await app.analyseFile(photos.mole);
  expect(accepted.guardRejected).toBe(false);
  // The number as the result screen shows it; the history must show the same one.
  const shown = /Model estimate: (\d+%)/.exec(
    (await page.locator('#probability-label').textContent()) ?? '',
  )?.[1];
  expect(shown).toBeDefined();
  await page.getByTestId('save-check').click();
  await page.getByTestId('save-check-confirm').click();
  await expect(page.getByTestId('history-status')).toContainText('Saved to “Right arm”');

  await page.getByRole('button', { name: 'Check another photo' }).click();
  await page.getByTestId('open-my-moles').click();
  await page.getByTestId('mole-item').getByRole('button').click();
  const items = page.getByTestId('timeline-item');
  await expect(items).toHaveCount(2);
  // Newest first: the accepted check keeps its number, the turned-down one says why it has none.
  await expect(items.nth(0)).toContainText(`Model estimate: ${shown}`);
  await expect(items.nth(1)).toContainText('did not pass the photo check');
  await expect(items.nth(1)).not.toContainText(`${Math.round(rejected.probability * 100)}%`);

  await page.getByTestId('compare-checks').click();
  await expect(page.getByTestId('compare-item')).toHaveCount(2);
  await expect(page.getByTestId('probability-change')).not.toContainText('percentage points');
  await expect(page.getByTestId('probability-change')).toContainText('did not pass the photo check');
  await expect(page.getByTestId('compare-view')).toContainText('It is not your personal risk.');
  await expect(page.getByTestId('compare-view')).not.toContainText(/probability/i);
});
