import { join } from 'node:path';
import { formatSeconds } from '../cli/progress-bar';
import { SEED_RESULT } from '../evaluate/evaluation-result';
import type { PipelineReport } from './run-pipeline';

const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
const ci = (c: [number, number] | undefined, f: (v: number) => string) =>
  c ? ` (95% CI ${f(c[0])}–${f(c[1])})` : '';
const auc = (v: number) => v.toFixed(3);

/** The closing terminal summary: what shipped, how it measures, and how long each stage took. */
export function formatPipelineSummary(r: PipelineReport): string {
  const lines: string[] = [];
  lines.push(`model written to ${r.out}: ${r.files.join(', ')}`);
  lines.push(
    `reports in ${r.runDir} (pipeline-report.json${r.test ? ', test-evaluation.json, report.html' : ''})`,
  );
  if (r.head) {
    lines.push(
      `head: L2 ${r.head.chosen.l2}${r.head.chosen.augmented ? ' + brightness copy' : ''} (valid AUC ${r.head.chosen.validAuc.toFixed(4)}, best of ${r.head.candidates.length})`,
    );
  }
  if (r.fineTuned)
    lines.push(
      `fine-tuned run ${r.fineTuned.run}: best epoch ${r.fineTuned.epoch}, ${describeRunAuc(r.fineTuned.validAuc)}`,
    );
  lines.push('weights (valid AUC through the written files):');
  for (const q of r.quantisation) {
    lines.push(
      `  ${q.dtype.padEnd(8)} ${(q.bytes / 2 ** 20).toFixed(2).padStart(6)} MiB  AUC ${q.validAuc.toFixed(4)}${q.shipped ? '  ← shipped' : ''}`,
    );
  }
  const c = r.calibration;
  lines.push(
    `calibration Platt a ${c.a.toFixed(4)} b ${c.b.toFixed(4)}; threshold ${r.operatingPoint.threshold.toFixed(4)}, ` +
      `inconclusive band [${r.operatingPoint.inconclusiveBand.map((v) => v.toFixed(3)).join(', ')})`,
  );
  const split = (name: string, m: PipelineReport['valid']) =>
    `${name.padEnd(5)} n ${m.n}: AUC ${auc(m.auc)}${ci(m.ci95?.auc, auc)}, sensitivity ${pct(m.sensitivity)}${ci(m.ci95?.sensitivity, pct)}, ` +
    `specificity ${pct(m.specificity)}, balanced accuracy ${pct(m.balancedAccuracy)}${ci(m.ci95?.balancedAccuracy, pct)}`;
  lines.push(split('valid', r.valid));
  if (r.test) {
    lines.push(split('test', r.test));
    const a = r.test.accuracyAt05;
    lines.push(
      `test accuracy at probability 0.5: ${pct(a.accuracy)}${ci(a.ci95, pct)} ` +
        `(TN ${a.confusion.tn} FP ${a.confusion.fp} FN ${a.confusion.fn} TP ${a.confusion.tp}); seed project ` +
        `${pct(SEED_RESULT.correct / SEED_RESULT.n)} (TN ${SEED_RESULT.tn} FP ${SEED_RESULT.fp} FN ${SEED_RESULT.fn} TP ${SEED_RESULT.tp})`,
    );
  } else {
    lines.push(`no test figures: ${r.noTestFigures ?? 'the data has no test split'}`);
  }
  lines.push(...skippedLines(r));
  lines.push('stages:');
  for (const s of r.stages) {
    const rate =
      s.images === undefined
        ? ''
        : s.images === 0
          ? '  (all from cache)'
          : `  ${s.images} images, ${(s.images / Math.max(s.seconds, 1e-9)).toFixed(1)} images/s`;
    lines.push(
      `  ${s.stage.padEnd(42)} ${formatSeconds(s.seconds).padStart(7)}${rate}${s.note ? `  (${s.note})` : ''}`,
    );
  }
  lines.push(`total ${(r.totalSeconds / 60).toFixed(1)} min`);
  return lines.join('\n');
}

/** Files left out (unreadable, duplicate, failed to decode) with reasons: the first few, and where the rest are. */
function skippedLines(r: PipelineReport, shown = 10): string[] {
  if (r.skipped.length === 0) return ['skipped files: none'];
  const lines = [
    `skipped files: ${r.skipped.length} (the full list is "skipped" in ${join(r.runDir, 'pipeline-report.json')})`,
  ];
  for (const f of r.skipped.slice(0, shown)) lines.push(`  ${f.relPath}: ${f.reason}`);
  if (r.skipped.length > shown) lines.push(`  … and ${r.skipped.length - shown} more`);
  return lines;
}

/** A fine-tuned run's own valid AUC; a weight average has none (stored as null) until export measures it. */
export function describeRunAuc(validAuc: number | null): string {
  return validAuc !== null && Number.isFinite(validAuc)
    ? `run's valid AUC ${validAuc.toFixed(4)}`
    : 'weight average, valid AUC measured at export';
}
