import type { Locator, Page } from '@playwright/test';
import { photos } from './support/paths';
import { expect, test } from './support/test';

// The person is on a small phone: every screen of the flow fits the width (no sideways scrolling) and the
// main actions are big enough to hit with a thumb (WCAG 2.5.5's 44 CSS px).
test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

async function expectNoSidewaysScroll(page: Page, screen: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${screen} is wider than the screen`).toBeLessThanOrEqual(0);
}

async function expectThumbSized(button: Locator): Promise<void> {
  const box = await button.boundingBox();
  expect(box, 'not rendered').not.toBeNull();
  expect(Math.min(box!.width, box!.height)).toBeGreaterThanOrEqual(44);
}

test('home, frame and result fit a 360 px phone with thumb-sized actions', async ({ app, page }) => {
  await app.open();
  await expectNoSidewaysScroll(page, 'home');
  await expectThumbSized(page.locator('button', { hasText: /choose a photo/i }));

  await app.choose(photos.mole);
  await expect(page.getByTestId('analyse')).toBeVisible();
  await expectNoSidewaysScroll(page, 'frame');
  await expectThumbSized(page.getByTestId('analyse'));

  await app.analyse();
  await expectNoSidewaysScroll(page, 'result');
  await expectThumbSized(page.getByRole('button', { name: /check another/i }));
});
