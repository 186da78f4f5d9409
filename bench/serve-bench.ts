import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.css': 'text/css',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/** URL prefix → directory. The first prefix that matches wins; '/' should come last. */
export type Mounts = [prefix: string, dir: string][];

/**
 * A tiny static server for the warm-inference harness: the built app (so the app's real worker and model
 * load same-origin) plus the harness, the reference model and the tfjs wasm binaries under /__bench/.
 * Cross-origin isolated like `vite preview` (same COOP/COEP as vite.config.ts), so wasm threads are possible.
 */
export function serveBench(mounts: Mounts, port: number): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (process.env.BENCH_DEBUG) console.error(`  [bench server] ${path}`);
    const file = resolveFile(mounts, path);
    if (!file) {
      console.error(`  [bench server] 404 ${path}`);
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': types[extname(file)] ?? 'application/octet-stream',
      'Content-Length': statSync(file).size,
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'Cache-Control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok(server));
  });
}

function resolveFile(mounts: Mounts, path: string): string | null {
  for (const [prefix, dir] of mounts) {
    if (!path.startsWith(prefix)) continue;
    const root = resolve(dir);
    let file = resolve(join(root, normalize(path.slice(prefix.length))));
    if (!file.startsWith(root)) return null;
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    return existsSync(file) ? file : null;
  }
  return null;
}
