import type { DatasetReport } from './build-dataset';
import { DEFAULT_LABEL_CONFIG, type LabelConfig } from './label-config';

/**
 * What to tell someone whose data gave a split no image of a class: which folder names are read as which class,
 * which of their folders matched none, and that --labels maps other names.
 */
export function classFolderHint(report: DatasetReport, config: LabelConfig = DEFAULT_LABEL_CONFIG): string {
  const names = (list: string[]) => list.map((n) => `"${n}"`).join(' or ');
  const parts = [
    `Images are labelled by a folder above them named ${names(config.classes.dangerous)} (dangerous) or ` +
      `${names(config.classes.not_dangerous)} (not dangerous); case, spaces, "_", "-" and "." do not matter.`,
  ];
  const unknown = report.unlabelledFolders.filter((u) => u.files > 0);
  if (unknown.length > 0) {
    const shown = unknown.slice(0, 5).map((u) => `${u.folder} (${u.files} file${u.files === 1 ? '' : 's'})`);
    if (unknown.length > 5) shown.push(`and ${unknown.length - 5} more`);
    parts.push(`Folders with no known class name: ${shown.join(', ')}.`);
  }
  parts.push(
    'Use --labels <labels.json> to name your class folders, e.g. {"classes": {"dangerous": ["malignant"]}}.',
  );
  return parts.join(' ');
}
