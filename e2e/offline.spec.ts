import { photos } from './support/paths';
import { expect, test } from './support/test';

// After one visit the service worker holds the app shell and every model file: with the network off the app
// reloads, loads its model and analyses a photo.
test('works offline after the first visit', async ({ app, context, page }) => {
  await app.open();
  await app.waitForOfflineReady();

  // "Ready to work offline" asks nothing: it lets taps through, shrinks away by itself within a few seconds
  // (the "Works offline" badge stays), and its text stays in the status region for screen readers.
  const notice = page.getByText('Ready to work offline');
  await expect(notice).toBeVisible();
  const toast = page.getByRole('status').filter({ has: notice });
  expect(await toast.evaluate((node) => getComputedStyle(node).pointerEvents)).toBe('none');
  const toastHeight = () =>
    page.evaluate(() => {
      const regions = [...document.querySelectorAll('[role="status"]')];
      const toast = regions.find((node) => node.textContent?.includes('Ready to work offline'));
      return toast ? toast.getBoundingClientRect().height : 0;
    });
  // Visually hidden, as screen-reader-only text is: at most a 1-px box (Playwright still calls that "visible").
  await expect.poll(toastHeight, { timeout: 8_000 }).toBeLessThanOrEqual(1);
  await expect(toast).toBeAttached();
  await expect(page.getByTestId('offline-ready')).toBeVisible();

  await context.setOffline(true);
  await page.reload();
  await app.waitForModel();
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);

  const verdict = await app.analyseFile(photos.mole);
  expect(['low', 'inconclusive', 'high']).toContain(verdict.risk);
});
