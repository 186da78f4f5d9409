import type { DatasetReport } from './build-dataset';

/** The dataset report as a short plain-text summary for the terminal. */
export function formatReport(report: DatasetReport, maxListed = 20): string {
  const lines: string[] = [];
  lines.push(`Data: ${report.root}`);
  lines.push(
    report.split === 'folders'
      ? 'Split: taken from the train/valid/test folders'
      : `Split: made here, stratified by class, seeded by content hash (seed ${report.split.seed}; ` +
          `train/valid/test ${report.split.ratios.train}/${report.split.ratios.valid}/${report.split.ratios.test})`,
  );
  lines.push('');
  lines.push('split   dangerous  not_dangerous  total');
  let total = 0;
  for (const split of ['train', 'valid', 'test'] as const) {
    const c = report.counts[split];
    total += c.dangerous + c.not_dangerous;
    lines.push(
      `${split.padEnd(7)} ${String(c.dangerous).padStart(9)}  ${String(c.not_dangerous).padStart(13)}  ${String(c.dangerous + c.not_dangerous).padStart(5)}`,
    );
  }
  lines.push(
    `images used: ${total}  (${
      Object.entries(report.formats)
        .map(([f, n]) => `${f} ${n}`)
        .join(', ') || 'none'
    })`,
  );
  lines.push(`dataset hash: ${report.dataHash}`);
  const list = <T>(title: string, items: T[], show: (t: T) => string) => {
    lines.push('');
    lines.push(`${title}: ${items.length}`);
    for (const item of items.slice(0, maxListed)) lines.push(`  ${show(item)}`);
    if (items.length > maxListed)
      lines.push(`  … and ${items.length - maxListed} more (see the JSON report)`);
  };
  list('skipped files', report.skipped, (s) => `${s.relPath}: ${s.reason}`);
  list(
    'duplicates removed',
    report.duplicates,
    (d) => `${d.relPath}: ${d.reason}${d.keptRelPath ? ` (kept ${d.keptRelPath})` : ''}`,
  );
  if (report.unlabelledFolders.length) {
    list(
      'folders with no known class (see --labels)',
      report.unlabelledFolders,
      (u) => `${u.folder} (${u.files} files)`,
    );
  }
  return lines.join('\n');
}
