import { SEED_RESULT, type EvaluationResult } from './evaluation-result';

const pct = (v: number) => (Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : 'n/a');
const num = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : 'n/a');
const range = (ci: [number, number] | undefined, f: (v: number) => string) =>
  ci && Number.isFinite(ci[0]) ? `${f(ci[0])}–${f(ci[1])}` : '';

/** The short terminal table: each figure with its 95% interval, then the line against the seed project. */
export function formatSummary(r: EvaluationResult): string {
  const c = r.confusion;
  const rows: [string, string, string, string][] = [
    ['AUC', num(r.auc), range(r.ci95.auc, num), 'chance 0.5, perfect 1'],
    [
      'sensitivity',
      pct(r.sensitivity),
      range(r.ci95.sensitivity, pct),
      `${c.tp}/${c.tp + c.fn} dangerous flagged`,
    ],
    [
      'specificity',
      pct(r.specificity),
      range(r.ci95.specificity, pct),
      `${c.tn}/${c.tn + c.fp} not dangerous cleared`,
    ],
    ['balanced accuracy', pct(r.balancedAccuracy), range(r.ci95.balancedAccuracy, pct), ''],
    ['accuracy', pct(r.accuracy), range(r.ci95.accuracy, pct), `${c.tp + c.tn}/${r.n}`],
    ['ECE (10 bins)', num(r.ece), '', 'calibration error, 0 is perfect'],
  ];
  const lines = [
    `${r.model.name} ${r.model.version} on ${r.data.root} (${r.data.split}): ${r.n} images, ` +
      `${r.backend} backend, ${r.seconds.toFixed(1)} s`,
    '',
    `${'figure'.padEnd(18)} ${'value'.padStart(7)}  ${'95% CI'.padEnd(13)}`,
    ...rows.map(([k, v, ci, note]) => `${k.padEnd(18)} ${v.padStart(7)}  ${ci.padEnd(13)}  ${note}`),
    '',
    `threshold ${r.threshold.toFixed(4)} (calibrated probability); confusion TP ${c.tp} FP ${c.fp} TN ${c.tn} FN ${c.fn}`,
    `inconclusive band [${r.inconclusive.band.map((v) => v.toFixed(3)).join(', ')}): ${r.inconclusive.n} images ` +
      `(${r.inconclusive.dangerous} dangerous)`,
    `accuracy at 0.5: ${pct(r.accuracyAt05.accuracy)} (${r.accuracyAt05.confusion.tp + r.accuracyAt05.confusion.tn}/${r.n}, ` +
      `95% CI ${range(r.accuracyAt05.ci95, pct)}; TN ${r.accuracyAt05.confusion.tn}/FP ${r.accuracyAt05.confusion.fp}/` +
      `FN ${r.accuracyAt05.confusion.fn}/TP ${r.accuracyAt05.confusion.tp}) vs seed project ` +
      `${pct(SEED_RESULT.correct / SEED_RESULT.n)} (${SEED_RESULT.correct}/${SEED_RESULT.n}; ${SEED_RESULT.tn} TN/` +
      `${SEED_RESULT.fp} FP/${SEED_RESULT.fn} FN/${SEED_RESULT.tp} TP, on the seed test split)`,
  ];
  if (r.skipped.length) lines.push(`skipped ${r.skipped.length} files (listed in the JSON/HTML report)`);
  return lines.join('\n');
}
