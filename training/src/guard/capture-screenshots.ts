import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { chromium } from '@playwright/test';

const MIME: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
};

/** Serves a built app folder on 127.0.0.1 (any free port), falling back to index.html like a SPA host. */
function serve(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let file = normalize(join(dir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory())
      file = join(dir, 'index.html');
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * Screenshots of the app itself (built `dist/`), at a phone and a desktop size: the home screen (view and
 * full page), the model card and the history screen — what a user might pick by mistake. Written as PNG files
 * into `outDir` (a gitignored cache); returns their paths, or [] when there is no build.
 */
export async function captureAppScreenshots(
  distDir: string,
  outDir: string,
  chromiumPath: string,
): Promise<string[]> {
  if (!existsSync(join(distDir, 'index.html'))) return [];
  mkdirSync(outDir, { recursive: true });
  const server = await serve(normalize(distDir));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}/`;
  const browser = await chromium.launch({ executablePath: chromiumPath });
  const files: string[] = [];
  try {
    for (const [label, viewport] of [
      ['phone', { width: 390, height: 844 }],
      ['desktop', { width: 1280, height: 800 }],
    ] as const) {
      const page = await browser.newPage({ viewport, serviceWorkers: 'block' });
      const shoot = async (name: string, fullPage = false) => {
        await page.waitForTimeout(400);
        const file = join(outDir, `app-${label}-${name}.png`);
        await page.screenshot({ path: file, fullPage });
        files.push(file);
      };
      await page.goto(base, { waitUntil: 'networkidle' }).catch(() => undefined);
      await shoot('home');
      await shoot('home-full', true);
      // The app navigates by buttons (screen state in history), not links: visit the informational screens.
      for (const name of [/model|about/i, /my moles|history/i]) {
        const target = page.getByRole('button', { name }).or(page.getByRole('link', { name })).first();
        if ((await target.count()) === 0) continue;
        await target.click({ timeout: 5000 }).catch(() => undefined);
        await shoot(String(name.source.split('|')[0]).replace(/\W+/g, '-'));
        await page.goBack().catch(() => undefined);
      }
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  return files;
}
