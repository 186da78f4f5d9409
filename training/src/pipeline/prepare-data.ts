import type { ClassLabel } from '../../../src/shared/model/model-metadata';
import { buildDataset, type Dataset, type ManifestEntry } from '../dataset/build-dataset';
import type { LabelConfig, SplitName } from '../dataset/label-config';
import { classFolderHint } from '../dataset/class-folder-hint';

export interface PreparedData {
  dataset: Dataset;
  splits: Record<SplitName, ManifestEntry[]>;
}

export const labelOf = (m: { label: ClassLabel }): 0 | 1 => (m.label === 'dangerous' ? 1 : 0);

/** Dataset stage for the pipeline: the manifest per split, refusing data a binary classifier cannot learn from. */
export async function prepareData(root: string, config?: LabelConfig): Promise<PreparedData> {
  const dataset = await buildDataset(root, config ? { config } : {});
  const splits: PreparedData['splits'] = { train: [], valid: [], test: [] };
  for (const m of dataset.manifest) splits[m.split].push(m);
  for (const split of ['train', 'valid'] as const) {
    const c = dataset.report.counts[split];
    if (c.dangerous === 0 || c.not_dangerous === 0) {
      throw new Error(
        `${root}: the ${split} split needs both classes (dangerous ${c.dangerous}, not dangerous ${c.not_dangerous}). ` +
          classFolderHint(dataset.report, config),
      );
    }
  }
  return { dataset, splits };
}
