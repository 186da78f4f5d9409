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
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) file = join(dir, 'index.html');
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * Screenshots of the app itself (built `dist/`), at a phone and a desktop size, of the home screen and of the
 * screens its in-page links lead to: what a user might photograph or pick by mistake. Written as PNG files
 * into `outDir` (a gitignored cache); returns their paths, or [] when there is no build.
 */
export async function captureAppScreenshots(distDir: string, outDir: string, chromiumPath: string): Promise<string[]> {
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
      await page.goto(base, { waitUntil: 'networkidle' }).catch(() => undefined);
      await page.waitForTimeout(500);
      const hrefs = await page
        .$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href') ?? ''))
        .catch(() => [] as string[]);
      const local = hrefs.map((h) => new URL(h, base).href).filter((h) => h.startsWith(base) && h !== base);
      const targets = [base, ...new Set(local)].slice(0, 4);
      for (const [i, target] of targets.entries()) {
        await page.goto(target, { waitUntil: 'networkidle' }).catch(() => undefined);
        await page.waitForTimeout(300);
        const file = join(outDir, `app-${label}-${i}.png`);
        await page.screenshot({ path: file });
        files.push(file);
      }
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  return files;
}
