/**
 * `npm run bench [-- --runs 30 --cold-reps 3 --variants webgl,wasm --dist dist | --commit HEAD]`
 * Warm inference (app vs two plain-tfjs references, the base network as a graph and as a layers model; same
 * browser, same backend, interleaved), cold start through
 * the real UI (first visit, repeat visit via the service worker, offline), bytes, long tasks.
 * Prints one table and writes bench/results.json.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { appBytes, appWorkerPath } from './app-bytes';
import { buildCommit } from './build-commit';
import { buildReferenceLayersModel } from './build-reference-layers-model';
import { buildReferenceModel } from './build-reference-model';
import { bundleHarness } from './bundle-harness';
import { measureColdStart, type ColdResult } from './cold-start';
import { median, summarise } from './stats';
import { printTable } from './print-table';
import { serveBench } from './serve-bench';
import { measureWarm, warmVariants } from './warm-inference';
import type { BenchResults, WarmEntry } from './results';
import { parseOptionsOrExit } from '../training/src/cli/cli-error';
import { chromiumPath, quietChromiumArgs, softwareWebglArgs } from '../e2e/support/chromium-flags';

const round = (x: number) => Math.round(x * 10) / 10;
const benchDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(benchDir, '..');
const tmp = join(benchDir, 'tmp');

const USAGE = `usage: npm run bench -- [--runs <n> (30)] [--cold-reps <n> (3)] [--analyses <n> (3)]
                       [--variants ${warmVariants.map((v) => v.key).join(',')}] [--dist <dir> | --commit <ref>]
                       [--photo <file>] [--tflite <file>] [--out <results.json>] [--port <n> (4311)] [--app-flags <flags>]
  Warm inference (app vs references), cold start, bytes and long tasks in Debian Chromium; see docs/performance.md.`;

const args = parseOptionsOrExit(
  {
    help: { type: 'boolean', short: 'h' },
    runs: { type: 'string', default: '30' },
    'cold-reps': { type: 'string', default: '3' },
    analyses: { type: 'string', default: '3' },
    variants: { type: 'string', default: warmVariants.map((v) => v.key).join(',') },
    dist: { type: 'string', default: 'dist' },
    // Measure a committed version instead (built into bench/tmp/dist-<sha>): --commit HEAD
    commit: { type: 'string' },
    photo: {
      type: 'string',
      default: resolve(repoRoot, '../shared/datasets/seed-dermoscopy/test/Dangerous/D100.jpg'),
    },
    tflite: {
      type: 'string',
      default: resolve(
        repoRoot,
        '../shared/models/mobilenet_v2_1.0_224_quant/mobilenet_v2_1.0_224_quant.tflite',
      ),
    },
    out: { type: 'string', default: join(benchDir, 'results.json') },
    port: { type: 'string', default: '4311' },
    // Experiments: tfjs flags for the app only, e.g. --app-flags WEBGL_FORCE_F16_TEXTURES:true
    'app-flags': { type: 'string', default: '' },
  },
  USAGE,
);

/** Debian Chromium, the flags of the e2e suite minus --disable-gpu: WebGL must exist (SwiftShader). */
const chromiumArgs = [...quietChromiumArgs, ...softwareWebglArgs];

async function main(): Promise<void> {
  const dist = args.commit ? buildCommit(repoRoot, tmp, args.commit) : resolve(repoRoot, args.dist);
  const port = Number(args.port);
  for (const [what, path] of [
    ['photo', args.photo],
    ['base model', args.tflite],
  ] as const) {
    if (!existsSync(path))
      throw new Error(`${what} not found: ${path} (pass --${what === 'photo' ? 'photo' : 'tflite'})`);
  }
  if (!existsSync(join(dist, 'index.html'))) {
    console.log(`${dist} has no build: building the app…`);
    const built = spawnSync('npx', ['vite', 'build', '--outDir', dist], { cwd: repoRoot, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('vite build failed');
  }
  const reference = buildReferenceModel(args.tflite, join(tmp, 'reference-model'));
  const referenceLayers = await buildReferenceLayersModel(args.tflite, join(tmp, 'reference-layers-model'));
  await bundleHarness(benchDir, join(tmp, 'harness'));
  // The built worker loads chunks that import it back: started with ?tfjsflags= itself, it would run twice
  // (two tfjs instances). A one-line wrapper carries the query instead; tfjs reads the worker's location.
  writeFileSync(join(tmp, 'harness', 'app-worker.js'), `import ${JSON.stringify(appWorkerPath(dist))};\n`);

  const server = await serveBench(
    [
      ['/__bench/wasm/', join(repoRoot, 'node_modules/@tensorflow/tfjs-backend-wasm/dist')],
      ['/__bench/reference-model/', reference.dir],
      ['/__bench/reference-layers-model/', referenceLayers.dir],
      ['/__bench/', join(tmp, 'harness')],
      ['/', dist],
    ],
    port,
  );
  const preview = await startPreview(dist, port + 1);
  const stop = () => {
    preview.kill();
    server.close();
    process.exit(130);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: chromiumArgs,
  });
  try {
    const cold: ColdResult[] = [];
    for (let i = 0; i < Number(args['cold-reps']); i++) {
      console.log(`cold start ${i + 1}/${args['cold-reps']}…`);
      cold.push(
        await measureColdStart(browser, `http://localhost:${port + 1}`, args.photo, Number(args.analyses)),
      );
    }
    const warm: Record<string, WarmEntry> = {};
    const wanted = new Set(args.variants.split(','));
    for (const variant of warmVariants.filter((v) => wanted.has(v.key))) {
      console.log(`warm ${variant.key}…`);
      try {
        const r = await measureWarm(browser, variant, {
          origin: `http://localhost:${port}`,
          appWorkerUrl: '/__bench/app-worker.js',
          runs: Number(args.runs),
          extraWarmups: 2,
          appTfjsflags: args['app-flags'],
          timeoutMs: 600_000,
        });
        console.log(
          `  app ${median(r.app).toFixed(1)} ms (whole analysis ${median(r.appAnalysis).toFixed(1)} ms), graph reference ${median(r.ref).toFixed(1)} ms, layers reference ${median(r.refLayers).toFixed(1)} ms`,
        );
        warm[variant.key] = {
          label: variant.label,
          tfjsflags: variant.tfjsflags,
          appTfjsflags: args['app-flags'],
          appBackend: r.appBackend,
          app: summarise(r.app),
          appAnalysis: summarise(r.appAnalysis),
          reference: summarise(r.ref),
          referenceLayers: summarise(r.refLayers),
          ratio: Math.round((median(r.app) / median(r.ref)) * 100) / 100,
          ratioLayers: Math.round((median(r.app) / median(r.refLayers)) * 100) / 100,
          appInitMs: Math.round(r.appInitMs),
          referenceLoadMs: Math.round(r.reference.loadMs),
          referenceFirstRunMs: Math.round(r.reference.firstRunMs),
          referenceLayersLoadMs: Math.round(r.referenceLayers.loadMs),
          referenceLayersFirstRunMs: Math.round(r.referenceLayers.firstRunMs),
          runs: r.app.length,
          samples: {
            app: r.app.map(round),
            appAnalysis: r.appAnalysis.map(round),
            reference: r.ref.map(round),
            referenceLayers: r.refLayers.map(round),
          },
          environment: {
            crossOriginIsolated: r.reference.crossOriginIsolated,
            simd: r.reference.simd,
            threads: r.reference.threads,
            webglRenderer: r.reference.webglRenderer,
          },
        };
      } catch (error) {
        console.error(`  ${variant.key} failed: ${String(error).split('\n')[0]}`);
      }
    }
    const pick = (f: (c: ColdResult) => number) => Math.round(median(cold.map(f)));
    const results: BenchResults = {
      browser: `Chromium ${browser.version()} (headless, ${chromiumArgs.join(' ')})`,
      autoBackend: (cold[0]?.firstVisit.backend ?? 'unknown') as BenchResults['autoBackend'],
      warm,
      cold: {
        firstVisitMs: pick((c) => c.firstVisit.firstResultMs),
        repeatVisitMs: pick((c) => c.repeatVisit.firstResultMs),
        offlineMs: pick((c) => c.offline.firstResultMs),
        reps: cold.length,
      },
      ...appBytes(dist),
      referenceModelBytes: reference.weightBytes,
      referenceLayersModelBytes: referenceLayers.weightBytes,
      longTasksOver50ms: cold.reduce(
        (n, c) =>
          n +
          c.firstVisit.longTasksDuringAnalysis +
          c.repeatVisit.longTasksDuringAnalysis +
          c.offline.longTasksDuringAnalysis,
        0,
      ),
      longestTaskDuringAnalysisMs: Math.max(
        ...cold.flatMap((c) =>
          [c.firstVisit, c.repeatVisit, c.offline].map((v) => v.longestTaskDuringAnalysisMs),
        ),
      ),
      longTaskSources: cold.flatMap((c) =>
        [c.firstVisit, c.repeatVisit, c.offline].flatMap((v) => v.longTaskSources),
      ),
      analysesObservedForLongTasks: cold.length * 3 * Number(args.analyses),
      dist: args.commit ? `${args.commit} → ${dist}` : args.dist,
      appCommit: spawnSync('git', ['rev-parse', '--short', args.commit ?? 'HEAD'], { cwd: repoRoot })
        .stdout.toString()
        .trim(),
      measuredAt: new Date().toISOString(),
      command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    };
    writeFileSync(args.out, `${JSON.stringify(results, null, 2)}\n`);
    printTable(results);
    console.log(`\nwrote ${args.out}`);
  } finally {
    await browser.close();
    preview.kill();
    server.close();
  }
}

/** `vite preview` of the build (its COOP/COEP headers and all), on its own port so e2e runs are untouched. */
async function startPreview(dist: string, port: number): Promise<ChildProcess> {
  const child = spawn(
    join(repoRoot, 'node_modules/.bin/vite'),
    ['preview', '--port', String(port), '--strictPort', '--outDir', dist],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://localhost:${port}/`)).ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error(`vite preview did not start on port ${port}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
