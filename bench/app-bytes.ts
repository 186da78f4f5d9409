import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface AppBytes {
  /** model.json + metadata.json + every weight shard the app downloads. */
  modelBytes: number;
  /** Every JS file the page (main thread) can load: entry and its static/lazy chunks (workbox-window). */
  shellJsBytes: number;
  shellJsGzipBytes: number;
  /** The analysis worker's JS and every chunk it can load (tfjs and its backends live here). */
  workerJsBytes: number;
  workerJsGzipBytes: number;
  /** Largest weight shard (the issue asks ≤ 2 MiB). */
  largestShardBytes: number;
  /**
   * Weight files. Keep ≤ 6: tfjs 4.22 requests all shards at once and reads no body before every response
   * has started, so over HTTP/1.1 (6 connections per host) a 7th shard never starts and loading hangs.
   */
  modelShards: number;
}

const isWorker = (file: string) => /\.worker[-.]/.test(file);

/**
 * The JS files reachable from `entries` through references between built chunks (static imports, dynamic
 * imports, worker URLs), not entering worker entry files unless they are the start.
 */
function reachable(assets: string, entries: string[], allJs: string[]): string[] {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(join(assets, file), 'utf8');
    for (const other of allJs) {
      if (!seen.has(other) && !isWorker(other) && text.includes(other)) queue.push(other);
    }
  }
  return [...seen];
}

export function appBytes(distDir: string): AppBytes {
  const modelDir = join(distDir, 'model');
  const model = JSON.parse(readFileSync(join(modelDir, 'model.json'), 'utf8')) as {
    weightsManifest: { paths: string[] }[];
  };
  const shards = model.weightsManifest.flatMap((g) => g.paths).map((p) => statSync(join(modelDir, p)).size);
  const modelBytes =
    shards.reduce((a, b) => a + b, 0) +
    statSync(join(modelDir, 'model.json')).size +
    statSync(join(modelDir, 'metadata.json')).size;
  const assets = join(distDir, 'assets');
  const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const sizes = (files: string[]) => {
    const bytes = files.map((f) => readFileSync(join(assets, f)));
    return {
      raw: bytes.reduce((a, b) => a + b.length, 0),
      gzip: bytes.reduce((a, b) => a + gzipSync(b).length, 0),
    };
  };
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const pageEntries = js.filter((f) => html.includes(f));
  const shell = sizes(reachable(assets, pageEntries, js));
  const worker = sizes(reachable(assets, js.filter(isWorker), js));
  return {
    modelBytes,
    shellJsBytes: shell.raw,
    shellJsGzipBytes: shell.gzip,
    workerJsBytes: worker.raw,
    workerJsGzipBytes: worker.gzip,
    largestShardBytes: Math.max(...shards),
    modelShards: shards.length,
  };
}

/** The URL path of the app's analysis worker script inside the build. */
export function appWorkerPath(distDir: string): string {
  const file = readdirSync(join(distDir, 'assets')).find((f) => /^analysis\.worker-.*\.js$/.test(f));
  if (!file) throw new Error(`no analysis.worker-*.js in ${distDir}/assets: is this the app's build?`);
  return `/assets/${file}`;
}
