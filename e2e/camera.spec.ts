import { expectNoSeriousA11yViolations } from './support/axe-scan';
import { photos } from './support/paths';
import { expect, test } from './support/test';

// Runs in the 'chromium-fake-camera' project: Chromium films e2e/.generated/fake-camera.y4m (a seed lesion)
// instead of a real camera. Camera permission is granted per test; without a grant headless Chromium refuses
// the prompt, exactly as when a person taps "Block".
const takePhoto = /take a photo/i;
const shutter = /take the photo|capture|snap/i;

test('camera → capture → result', async ({ app, page, context }) => {
  await context.grantPermissions(['camera']);
  await app.open();
  await page.getByRole('button', { name: takePhoto }).click();
  const video = page.locator('video');
  await expect(video).toBeVisible();
  // Frames are flowing once the video knows its size.
  await page.waitForFunction(() => {
    const element = document.querySelector('video');
    return element !== null && element.videoWidth > 0 && element.readyState >= 2;
  });
  await expectNoSeriousA11yViolations(page, 'camera');

  await page.getByRole('button', { name: shutter }).click();
  await expect(page.getByTestId('analyse')).toBeVisible();
  const verdict = await app.analyse();
  expect(['low', 'inconclusive', 'high']).toContain(verdict.risk);
});

test('camera permission denied → a message and the choose-a-photo fallback', async ({ app, page }) => {
  // No grant: getUserMedia rejects with NotAllowedError, as after a person's "Block".
  await app.open();
  await page.getByRole('button', { name: takePhoto }).click();
  await expect(page.getByTestId('error-message')).toBeVisible();
  await expect(page.getByTestId('error-message')).toContainText(/camera|permission/i);
  await expectNoSeriousA11yViolations(page, 'camera denied');

  // The fallback is offered right there and leads to a result.
  const chooser = page.waitForEvent('filechooser');
  // (The hidden <input type=file> behind it also has the button role and the same name, hence the tag.)
  await page.locator('button', { hasText: /choose a photo/i }).click();
  await (await chooser).setFiles(photos.otherMole);
  const verdict = await app.analyse();
  expect(['low', 'inconclusive', 'high']).toContain(verdict.risk);
});
