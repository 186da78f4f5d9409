import { test as base } from '@playwright/test';
import { NaevusApp } from './naevus-app';

/** `test` with an `app` fixture: the page wrapped in the NaevusApp driver. Import this in every spec. */
export const test = base.extend<{ app: NaevusApp }>({
  // Playwright's fixture callback is named `use` by convention; it is no React hook.
  app: async ({ page }, provide) => {
    await provide(new NaevusApp(page));
  },
});

export { expect } from '@playwright/test';
