import { NaevusApp } from './support/naevus-app';
import { expect, test } from './support/test';

interface ManifestIcon {
  src: string;
  sizes?: string;
  type?: string;
  purpose?: string;
}

interface WebManifest {
  name?: string;
  short_name?: string;
  start_url?: string;
  display?: string;
  theme_color?: string;
  icons?: ManifestIcon[];
}

test.describe('installable PWA', () => {
  test('the manifest has name, icons (192, 512, maskable), standalone display and a start URL', async ({
    page,
    request,
  }) => {
    await page.goto('/');
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href, 'no <link rel="manifest">').toBeTruthy();
    const manifestUrl = new URL(href!, page.url());
    const response = await request.get(manifestUrl.href);
    expect(response.ok()).toBe(true);
    const manifest = (await response.json()) as WebManifest;

    expect(manifest.name).toBeTruthy();
    expect(manifest.short_name).toBeTruthy();
    expect(manifest.display).toBe('standalone');
    expect(manifest.start_url).toBeTruthy();
    expect(manifest.theme_color).toBeTruthy();

    const icons = manifest.icons ?? [];
    const sizes = (icon: ManifestIcon): string[] => (icon.sizes ?? '').split(/\s+/);
    expect(icons.some((icon) => sizes(icon).includes('192x192'))).toBe(true);
    expect(icons.some((icon) => sizes(icon).includes('512x512'))).toBe(true);
    expect(icons.some((icon) => (icon.purpose ?? '').split(/\s+/).includes('maskable'))).toBe(true);
    for (const icon of icons) {
      const image = await request.get(new URL(icon.src, manifestUrl).href);
      expect(image.ok(), icon.src).toBe(true);
      expect(image.headers()['content-type'], icon.src).toMatch(/^image\//);
    }
  });

  test('a service worker controls the page and Chromium finds no installability error', async ({
    playwright,
    baseURL,
  }, testInfo) => {
    // Chromium never offers to install from an incognito profile, which is what a Playwright context is; a
    // persistent profile is a normal one.
    const context = await playwright.chromium.launchPersistentContext(testInfo.outputPath('profile'), {
      ...testInfo.project.use.launchOptions,
      baseURL,
      serviceWorkers: 'allow',
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const app = new NaevusApp(page);
      await app.open();
      await app.waitForOfflineReady();
      // A page is controlled from its first load only if the worker claims it; after a reload it always is.
      await page.reload();
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      const scriptUrl = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? '');
      expect(new URL(scriptUrl).origin).toBe(new URL(page.url()).origin);

      const cdp = await context.newCDPSession(page);
      const { errors } = await cdp.send('Page.getAppManifest');
      expect(errors.filter((e) => e.critical)).toEqual([]);
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
