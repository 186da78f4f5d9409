import type { Browser } from 'playwright-core';
import type { CompareRequest, CompareResult } from './harness/harness-page';

/** One warm-inference configuration: a backend plus tfjs flag overrides given to both workers. */
export interface WarmVariant {
  key: string;
  backend: CompareRequest['backend'];
  tfjsflags: string;
  label: string;
}

export const warmVariants: WarmVariant[] = [
  { key: 'webgl', backend: 'webgl', tfjsflags: '', label: 'webgl (SwiftShader: software GL in headless)' },
  { key: 'wasm', backend: 'wasm', tfjsflags: '', label: 'wasm, defaults (SIMD; threads if isolated)' },
  {
    key: 'wasm-simd-nothreads',
    backend: 'wasm',
    tfjsflags: 'WASM_HAS_MULTITHREAD_SUPPORT:false',
    label: 'wasm, SIMD, no threads',
  },
  {
    key: 'wasm-nosimd',
    backend: 'wasm',
    tfjsflags: 'WASM_HAS_SIMD_SUPPORT:false,WASM_HAS_MULTITHREAD_SUPPORT:false',
    label: 'wasm, no SIMD, no threads',
  },
  { key: 'cpu', backend: 'cpu', tfjsflags: '', label: 'cpu (plain JS)' },
];

export interface WarmOptions {
  origin: string;
  appWorkerUrl: string;
  runs: number;
  extraWarmups: number;
  /** tfjs URL flags for the app's workers only. */
  appTfjsflags: string;
  timeoutMs: number;
}

function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(message)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Runs one variant in a fresh context (no service worker, so the harness page is served as is). */
export async function measureWarm(
  browser: Browser,
  variant: WarmVariant,
  options: WarmOptions,
): Promise<CompareResult> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(`  [harness] ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning' || process.env.BENCH_DEBUG)
        console.error(`  [harness ${m.type()}] ${m.text()}`);
    });
    page.on('worker', (w) => w.on('close', () => undefined));
    await page.goto(`${options.origin}/__bench/harness.html`);
    await page.waitForFunction(() => 'naevusBench' in window);
    const request: CompareRequest = {
      appWorkerUrl: options.appWorkerUrl,
      appModelBaseUrl: `${options.origin}/model/`,
      referenceModelUrl: `${options.origin}/__bench/reference-model/model.json`,
      referenceLayersModelUrl: `${options.origin}/__bench/reference-layers-model/model.json`,
      backend: variant.backend,
      tfjsflags: variant.tfjsflags,
      appTfjsflags: options.appTfjsflags,
      runs: options.runs,
      extraWarmups: options.extraWarmups,
    };
    return await withTimeout(
      page.evaluate((r) => window.naevusBench.compare(r), request),
      options.timeoutMs,
      `${variant.key} took over ${options.timeoutMs / 1000} s`,
    );
  } finally {
    await context.close();
  }
}
