import type { Browser, BrowserContext, Page } from 'playwright-core';

/** Installed before any page script: long tasks, and when each analysis started and showed its result. */
function instrument(): void {
  const marks = {
    longTasks: [] as { start: number; end: number }[],
    frames: [] as { start: number; end: number; scripts: string[] }[],
    starts: [] as number[],
    ends: [] as number[],
  };
  (window as unknown as { __bench: typeof marks }).__bench = marks;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      marks.longTasks.push({ start: e.startTime, end: e.startTime + e.duration });
  }).observe({ type: 'longtask', buffered: true });
  // Long animation frames name the scripts that made a frame long (Chromium ≥ 123): where a long task came from.
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const scripts =
          (e as unknown as { scripts?: { invoker: string; sourceFunctionName: string; duration: number }[] })
            .scripts ?? [];
        marks.frames.push({
          start: e.startTime,
          end: e.startTime + e.duration,
          scripts: scripts
            .filter((x) => x.duration >= 10)
            .map(
              (x) =>
                `${x.invoker}${x.sourceFunctionName ? ` ${x.sourceFunctionName}` : ''} ${Math.round(x.duration)} ms`,
            ),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // Not supported: long tasks are still counted, without their sources.
  }
  document.addEventListener(
    'click',
    (e) => {
      if ((e.target as Element | null)?.closest?.('[data-testid="analyse"]'))
        marks.starts.push(performance.now());
    },
    true,
  );
  new MutationObserver(() => {
    if (marks.starts.length > marks.ends.length && document.querySelector('[data-testid="risk-level"]')) {
      marks.ends.push(performance.now());
    }
  }).observe(document, { subtree: true, childList: true });
}

interface Marks {
  longTasks: { start: number; end: number }[];
  frames: { start: number; end: number; scripts: string[] }[];
  starts: number[];
  ends: number[];
}

export interface VisitResult {
  /** Navigation start → the risk level is in the DOM (the page's own clock). */
  firstResultMs: number;
  /** Main-thread tasks over 50 ms that overlapped an analysis (click → result). */
  longTasksDuringAnalysis: number;
  longestTaskDuringAnalysisMs: number;
  /** Scripts ≥ 10 ms inside long animation frames that overlapped a long task during an analysis. */
  longTaskSources: string[];
  backend: string | null;
}

/** Opens the app, picks the photo, analyses with the default framing, waits for the verdict. */
async function visit(
  context: BrowserContext,
  origin: string,
  photo: string,
  analyses: number,
  untilOfflineReady = false,
): Promise<VisitResult> {
  const page = await context.newPage();
  try {
    await page.goto(`${origin}/`);
    for (let i = 0; i < analyses; i++) await analyseOnce(page, photo, i === 0);
    // "Ready to work offline" shows once, on the visit that filled the precache.
    if (untilOfflineReady) {
      await page.getByTestId('offline-ready').waitFor({ state: 'attached', timeout: 180_000 });
    }
    const marks = await page.evaluate(() => (window as unknown as { __bench: Marks }).__bench);
    const during = marks.longTasks.filter((t) =>
      marks.starts.some((s, i) => t.end > s && t.start < (marks.ends[i] ?? Infinity)),
    );
    return {
      firstResultMs: Math.round(marks.ends[0]!),
      longTasksDuringAnalysis: during.length,
      longestTaskDuringAnalysisMs: Math.round(Math.max(0, ...during.map((t) => t.end - t.start))),
      longTaskSources: marks.frames
        .filter((f) => during.some((t) => t.end > f.start && t.start < f.end))
        .flatMap((f) => f.scripts),
      backend: await page.evaluate(() => localStorage.getItem('naevus.backend')),
    };
  } finally {
    await page.close();
  }
}

/** One analysis through the UI; after the first, "Check another photo" leads back to the file input. */
async function analyseOnce(page: Page, photo: string, first: boolean): Promise<void> {
  const input = page.getByTestId('file-input');
  if (!first)
    await page
      .getByRole('button', { name: /check another/i })
      .first()
      .click();
  await input.waitFor({ state: 'attached', timeout: 60_000 });
  await input.setInputFiles(photo);
  const before = await page.evaluate(() => (window as unknown as { __bench: Marks }).__bench.ends.length);
  await page.getByTestId('analyse').click({ timeout: 120_000 });
  await page.waitForFunction(
    (n) => (window as unknown as { __bench: Marks }).__bench.ends.length > n,
    before,
    {
      timeout: 180_000,
    },
  );
}

export interface ColdResult {
  firstVisit: VisitResult;
  repeatVisit: VisitResult;
  offline: VisitResult;
}

/**
 * One cold-start round in a fresh browser context: (a) first visit (empty caches; the service worker
 * installs meanwhile), (b) once "ready offline" showed, a new tab: repeat visit served by the service worker,
 * (c) the same with the network off. Each analyses `analyses` times so long tasks are sampled too.
 */
export async function measureColdStart(
  browser: Browser,
  origin: string,
  photo: string,
  analyses: number,
): Promise<ColdResult> {
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  try {
    await context.addInitScript(instrument);
    console.log('  first visit…');
    const firstVisit = await visit(context, origin, photo, analyses, true);
    console.log(`  ${firstVisit.firstResultMs} ms; repeat visit…`);
    const repeatVisit = await visit(context, origin, photo, analyses);
    console.log(`  ${repeatVisit.firstResultMs} ms; offline…`);
    await context.setOffline(true);
    const offline = await visit(context, origin, photo, analyses);
    return { firstVisit, repeatVisit, offline };
  } finally {
    await context.close();
  }
}
