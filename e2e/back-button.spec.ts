import { photos } from './support/paths';
import { expect, test } from './support/test';

// The phone's Back button: after "Check another photo" the flow starts afresh, so Back from home leaves the
// app instead of walking through the framing and result screens of earlier photos.
test('after two checks, Back from home leaves the app rather than replaying old photos', async ({
  app,
  page,
}) => {
  await app.open();
  for (let i = 0; i < 2; i++) {
    await app.analyseFile(photos.mole);
    await page.getByRole('button', { name: /check another/i }).click();
    await expect(page.getByTestId('file-input')).toBeAttached();
  }
  await expect.poll(() => page.evaluate(() => (history.state as { root?: boolean } | null)?.root)).toBe(true);

  // Within one check, Back still steps result → frame → home.
  await app.analyseFile(photos.mole);
  await page.goBack();
  await expect(page.getByTestId('analyse')).toBeVisible();
  await page.goBack();
  await expect(page.getByTestId('file-input')).toBeAttached();

  await page.goBack();
  await expect(page).toHaveURL('about:blank');
});
