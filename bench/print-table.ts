import type { BenchResults } from './results';

const pad = (s: string, n: number) => s.padEnd(n);
const lpad = (s: string, n: number) => s.padStart(n);
const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '—');
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;

/** The one table `npm run bench` prints. */
export function printTable(r: BenchResults): void {
  const lines: string[] = [];
  lines.push(`Browser: ${r.browser}`);
  lines.push(`Backend the app picks by itself: ${r.autoBackend}`);
  lines.push('');
  const cols: [string, number][] = [
    ['app med', 9],
    ['p95', 8],
    ['graph ref', 11],
    ['p95', 8],
    ['layers ref', 12],
    ['p95', 8],
    ['vs graph ref', 14],
    ['vs layers ref', 15],
  ];
  const row = (name: string, cells: string[]) =>
    pad(name, 30) + cells.map((c, i) => lpad(c, cols[i]![1])).join('');
  lines.push(
    row(
      'warm inference (ms)',
      cols.map(([label]) => label),
    ),
  );
  for (const [key, w] of Object.entries(r.warm)) {
    const name = `${key}${w.appBackend !== key.split('-')[0] ? ` (ran ${w.appBackend})` : ''}`;
    lines.push(
      row(name, [
        ms(w.app.medianMs),
        ms(w.app.p95Ms),
        ms(w.reference.medianMs),
        ms(w.reference.p95Ms),
        ms(w.referenceLayers.medianMs),
        ms(w.referenceLayers.p95Ms),
        w.ratio.toFixed(2),
        w.ratioLayers.toFixed(2),
      ]),
    );
  }
  lines.push(
    "  vs … ref = app median ÷ that reference's median; graph ref = unfused float32 graph model (the target,",
  );
  lines.push('  ≤ 0.8, is against it); layers ref = the same network as a Keras-style tfjs layers model');
  const anyWebgl = Object.values(r.warm).find((w) => w.environment.webglRenderer);
  if (anyWebgl) lines.push(`  webgl renderer: ${anyWebgl.environment.webglRenderer}`);
  lines.push('');
  lines.push(`cold start, navigation → first result (median of ${r.cold.reps}):`);
  lines.push(
    `  first visit ${r.cold.firstVisitMs} ms · repeat visit (service worker) ${r.cold.repeatVisitMs} ms · offline ${r.cold.offlineMs} ms`,
  );
  lines.push(
    `model ${mb(r.modelBytes)} in ${r.modelShards} shards (largest ${mb(r.largestShardBytes)}; references float32: graph ${mb(r.referenceModelBytes)}, layers ${mb(r.referenceLayersModelBytes)})`,
  );
  lines.push(
    `JS: app shell ${mb(r.shellJsBytes)} (${mb(r.shellJsGzipBytes)} gzip) · worker ${mb(r.workerJsBytes)} (${mb(r.workerJsGzipBytes)} gzip)`,
  );
  lines.push(
    `main-thread tasks > 50 ms during ${r.analysesObservedForLongTasks} analyses: ${r.longTasksOver50ms} (longest ${r.longestTaskDuringAnalysisMs} ms)`,
  );
  for (const source of new Set(r.longTaskSources)) lines.push(`  long-task source: ${source}`);
  console.log(lines.join('\n'));
}
