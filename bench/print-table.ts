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
  lines.push(
    `${pad('warm inference (ms)', 44)}${lpad('app med', 9)}${lpad('p95', 9)}${lpad('ref med', 9)}${lpad('p95', 9)}${lpad('app/ref', 9)}`,
  );
  for (const [key, w] of Object.entries(r.warm)) {
    const name = `${key}${w.appBackend !== key.split('-')[0] ? ` (ran ${w.appBackend})` : ''}`;
    lines.push(
      `${pad(name, 44)}${lpad(ms(w.app.medianMs), 9)}${lpad(ms(w.app.p95Ms), 9)}${lpad(ms(w.reference.medianMs), 9)}${lpad(ms(w.reference.p95Ms), 9)}${lpad(w.ratio.toFixed(2), 9)}`,
    );
  }
  const anyWebgl = Object.values(r.warm).find((w) => w.environment.webglRenderer);
  if (anyWebgl) lines.push(`  webgl renderer: ${anyWebgl.environment.webglRenderer}`);
  lines.push('');
  lines.push(`cold start, navigation → first result (median of ${r.cold.reps}):`);
  lines.push(
    `  first visit ${r.cold.firstVisitMs} ms · repeat visit (service worker) ${r.cold.repeatVisitMs} ms · offline ${r.cold.offlineMs} ms`,
  );
  lines.push(
    `model ${mb(r.modelBytes)} in ${r.modelShards} shards (largest ${mb(r.largestShardBytes)}; reference float32 ${mb(r.referenceModelBytes)})`,
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
