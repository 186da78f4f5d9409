import { copyFileSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { build, type Plugin } from 'esbuild';

/** Vite's `x.wasm?url` imports (src/…/wasm-paths.ts) → the same binary served by the bench server. */
const wasmUrl: Plugin = {
  name: 'wasm-url',
  setup(b) {
    b.onResolve({ filter: /\.wasm\?url$/ }, (args) => ({
      path: basename(args.path.replace(/\?url$/, '')),
      namespace: 'wasm-url',
    }));
    b.onLoad({ filter: /.*/, namespace: 'wasm-url' }, (args) => ({
      contents: `export default ${JSON.stringify(`/__bench/wasm/${args.path}`)};`,
      loader: 'js',
    }));
  },
};

/** Bundles the harness page and the reference worker (tfjs from node_modules, same version as the app). */
export async function bundleHarness(benchDir: string, outDir: string): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [
      join(benchDir, 'harness', 'harness-page.ts'),
      join(benchDir, 'harness', 'reference.worker.ts'),
      join(benchDir, 'harness', 'app-inference.worker.ts'),
    ],
    plugins: [wasmUrl],
    outdir: outDir,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    // Unminified: the threaded wasm build starts its pthreads from the glue function's source text.
    minify: false,
    logLevel: 'warning',
  });
  copyFileSync(join(benchDir, 'harness', 'harness.html'), join(outDir, 'harness.html'));
}
