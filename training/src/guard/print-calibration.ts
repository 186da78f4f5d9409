import { domainDistance } from '../../../src/shared/guard/assess-domain';
import type { QualityStats } from '../../../src/shared/guard/quality-stats';
import type { DomainGuardSpec } from '../../../src/shared/model/model-metadata';
import type { QualityAssessment } from '../../../src/shared/guard/assess-quality';

export interface CalibrationGroup {
  name: string;
  scored: { quality: QualityAssessment; features: Float32Array }[];
}

/**
 * Prints, per statistic, the spread of each group (min, 1st, 5th, 50th, 95th, 99th percentile, max): the
 * evidence the quality thresholds and the domain limit are read from.
 */
export function printCalibration(groups: CalibrationGroup[], guard: DomainGuardSpec): void {
  const keys = Object.keys(groups[0]!.scored[0]!.quality.stats) as (keyof QualityStats)[];
  const rows: [string, (s: CalibrationGroup['scored'][number]) => number][] = [
    ...keys.map(
      (k) =>
        [k, (s: CalibrationGroup['scored'][number]) => s.quality.stats[k]] as [
          string,
          (s: CalibrationGroup['scored'][number]) => number,
        ],
    ),
    ['domainDistance', (s) => domainDistance(s.features, guard)],
  ];
  for (const [label, value] of rows) {
    console.log(`\n${label}`);
    for (const g of groups) {
      if (g.scored.length === 0) continue;
      const v = g.scored.map(value).sort((a, b) => a - b);
      const q = (p: number) => v[Math.min(v.length - 1, Math.round(p * (v.length - 1)))]!;
      const cells = [0, 0.01, 0.05, 0.5, 0.95, 0.99, 1].map((p) => format(q(p)).padStart(9));
      console.log(`  ${g.name.padEnd(18)} n ${String(v.length).padStart(4)} ${cells.join('')}`);
    }
  }
  console.log('\ncolumns: min p1 p5 p50 p95 p99 max');
}

function format(v: number): string {
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toFixed(3);
}
