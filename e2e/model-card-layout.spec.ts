import type { Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe-scan';
import { expect, test } from './support/test';

// The model card on small phones: no sideways scrolling of the page and no text cut off at the right edge.
// A wide table may scroll inside its own labelled container; then only that container has to fit.

interface Overflow {
  scrollWidth: number;
  clientWidth: number;
  /** Visible text (or a scroll container holding it) whose right edge lies past the viewport. */
  offenders: string[];
  /** Scroll containers that do scroll but that a keyboard or screen-reader user could not find. */
  unlabelledScrollers: string[];
}

function measureOverflow(page: Page): Promise<Overflow> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const clipsX = (el: Element) => /auto|scroll|hidden|clip/.test(getComputedStyle(el).overflowX);
    const describe = (el: Element, text: string) =>
      `<${el.tagName.toLowerCase()}> "${text.trim().slice(0, 40)}" right edge ${Math.round(el.getBoundingClientRect().right)}`;
    const offenders: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const parent = node.parentElement;
      if (!parent || !text.trim() || !parent.checkVisibility({ visibilityProperty: true })) continue;
      // Text clipped by a scrolling (or visually-hidden) box is reached through that box: check the box instead.
      let clipper: Element | null = parent;
      while (clipper && clipper !== document.body && !clipsX(clipper)) clipper = clipper.parentElement;
      if (clipper && clipper !== document.body) {
        if (clipper.getBoundingClientRect().right > width + 1) offenders.push(describe(clipper, text));
        continue;
      }
      const range = document.createRange();
      range.selectNodeContents(node);
      const right = Math.max(...Array.from(range.getClientRects(), (r) => r.right));
      if (right > width + 1) offenders.push(describe(parent, text));
    }
    const unlabelledScrollers = Array.from(document.querySelectorAll('main *'))
      .filter((el) => /auto|scroll/.test(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth)
      .filter((el) => el.getAttribute('tabindex') !== '0' || !el.hasAttribute('aria-labelledby'))
      .map((el) => describe(el, el.textContent ?? ''));
    return {
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: width,
      offenders: [...new Set(offenders)],
      unlabelledScrollers,
    };
  });
}

async function expectFits(page: Page, state: string): Promise<void> {
  const m = await measureOverflow(page);
  expect(m.offenders, `text past the right edge (${state})`).toEqual([]);
  expect(m.unlabelledScrollers, `scrolling tables without a label (${state})`).toEqual([]);
  expect(m.scrollWidth, `page wider than the screen (${state})`).toBeLessThanOrEqual(m.clientWidth + 1);
}

for (const viewport of [
  { width: 320, height: 640 },
  { width: 390, height: 844 },
  { width: 430, height: 932 },
]) {
  test.describe(`model card at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

    test('fits the width, with the technical details closed and open', async ({ app, page }) => {
      await app.open();
      await page.getByRole('button', { name: /how the model was made and tested/i }).click();
      await expect(page.getByTestId('test-levels')).toBeVisible();
      await expectFits(page, 'closed');

      const summary = page.locator('summary', { hasText: /technical details/i });
      await expect(summary).toBeVisible();
      await summary.click();
      await expectFits(page, 'details open');
      // The phone layout stacks the tables; they must still read as tables.
      await expectNoSeriousA11yViolations(page, `model card at ${viewport.width} px`);
    });
  });
}

test.describe('model card at 320×640 with text at 200%', () => {
  test.use({ viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

  test('still fits the width, page title included', async ({ app, page }) => {
    await app.open();
    // What a phone's "large text" setting does to rem-based sizes.
    await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
    await page.getByRole('button', { name: /how the model was made and tested/i }).click();
    await expect(page.getByTestId('test-levels')).toBeVisible();
    await expectFits(page, 'text 200%');
  });
});
