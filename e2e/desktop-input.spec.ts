import { dispatchFile } from './support/dispatch-file';
import { missing, photos, seedImages } from './support/paths';
import { expect, test } from './support/test';

// Desktop ways in: drag-and-drop and paste reach the same frame step as "Choose a photo", and the keyboard
// alone can go from the home screen to a result.
test.beforeEach(async ({ app }) => {
  await app.open();
});

test('a photo dropped on the page is analysed', async ({ app, page }) => {
  await dispatchFile(page, 'drop', photos.mole, 'image/jpeg');
  const verdict = await app.analyse();
  expect(['low', 'inconclusive', 'high']).toContain(verdict.risk);
});

test('a pasted photo (BMP) is analysed', async ({ app, page }) => {
  const reason = missing(seedImages.bmp);
  test.skip(reason !== null, reason ?? '');
  await dispatchFile(page, 'paste', seedImages.bmp, 'image/bmp');
  const verdict = await app.analyse();
  expect(['low', 'inconclusive', 'high']).toContain(verdict.risk);
});

test('keyboard only: choose a photo, analyse, read the result', async ({ page }) => {
  // Tab until "Choose a photo" has focus, as a keyboard user would; Enter opens the file dialog.
  const choose = page.locator('button', { hasText: /choose a photo/i });
  for (let i = 0; i < 30 && !(await choose.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(choose).toBeFocused();
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(photos.mole);

  const analyse = page.getByTestId('analyse');
  await expect(analyse).toBeVisible();
  for (let i = 0; i < 30 && !(await analyse.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(analyse).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('risk-level')).toBeVisible();
});
