import { generated, photos } from './support/paths';
import { expect, test } from './support/test';

// A file that is no decodable photo gets a plain message, and the app still analyses the next, good photo.
const cases = [
  { name: 'a corrupt JPEG', file: generated.corruptJpeg },
  { name: 'a zero-byte file', file: generated.emptyJpeg },
  { name: 'a text file named .jpg', file: generated.textAsJpeg },
];

for (const { name, file } of cases) {
  test(`${name} gives a clear error and the app stays usable`, async ({ app }) => {
    await app.open();

    const message = await app.chooseUnreadable(file);
    expect(message).not.toMatch(/error:|exception|stack|undefined|\bat\s+\w+\s*\(/i);

    const verdict = await app.analyseFile(photos.mole);
    expect(['low', 'inconclusive', 'high']).toContain(verdict.risk);
  });
}

test('a file error belongs to its screen: it is gone once the person moves on', async ({ app, page }) => {
  await app.open();
  await app.chooseUnreadable(generated.textAsJpeg);
  await page.getByTestId('open-my-moles').click();
  await expect(page.getByTestId('error-message')).toHaveCount(0);
  await app.home();
  await expect(page.getByTestId('error-message')).toHaveCount(0);
});
