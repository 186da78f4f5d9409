import { expectNoSeriousA11yViolations } from './support/axe-scan';
import { expect, test } from './support/test';

// Runs in the 'chromium-fake-camera' project: Chromium films e2e/.generated/fake-camera.y4m (a seed lesion)
// instead of a real camera and accepts the permission prompt by itself.
const takePhoto = /take a photo/i;
const capture = /capture|take (the )?(photo|picture)|snap/i;

test('camera → capture → result', async ({ app, page }) => {
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

  await page.getByRole('button', { name: capture }).last().click();
  await expect(page.getByTestId('analyse')).toBeVisible();
  const verdict = await app.analyse();
  expect(['low', 'inconclusive', 'high']).toContain(verdict.risk);
});

test('camera permission denied → a message and the choose-a-photo fallback', async ({ app, page }) => {
  // The fake-UI flag grants every prompt, so denial is what a browser does when the user says no: getUserMedia
  // rejects with NotAllowedError.
  await page.addInitScript(() => {
    navigator.mediaDevices.getUserMedia = () =>
      Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
  });
  await app.open();
  await page.getByRole('button', { name: takePhoto }).click();
  await expect(page.getByTestId('error-message')).toBeVisible();
  await expect(page.getByTestId('error-message')).toContainText(/camera|permission/i);
  await expect(page.getByTestId('file-input')).toBeAttached();
});
