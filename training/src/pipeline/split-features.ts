import type { ModelInputSpec } from '../../../src/shared/model/model-metadata';
import type { ManifestEntry } from '../dataset/build-dataset';
import { cachedOutputs } from '../features/cached-outputs';
import type { HashedModel } from '../features/feature-network';
import type { ImageView } from '../features/image-view';
import type { LabelledFeatures } from './choose-head';
import { labelOf } from './prepare-data';

/** One split's usable images and labels, and what it cost to get them. */
export interface SplitImages {
  /** The images used (those that decoded). */
  entries: ManifestEntry[];
  labels: (0 | 1)[];
  failed: { relPath: string; reason: string }[];
  /** Images run through the network (cache misses). */
  computed: number;
}

export interface SplitFeatures extends SplitImages, LabelledFeatures {}

/** The `features` output of a network for one split's images, through the on-disk cache. */
export async function splitFeatures(
  entries: readonly ManifestEntry[],
  network: HashedModel,
  input: ModelInputSpec,
  cacheDir: string,
  label: string,
  view: ImageView = 'plain',
): Promise<SplitFeatures> {
  const result = await cachedOutputs(entries, {
    model: network.load,
    modelHash: network.hash,
    output: 'features',
    input,
    cacheDir,
    view,
    label,
  });
  const out: SplitFeatures = { features: [], labels: [], entries: [], failed: [], computed: result.computed };
  result.values.forEach((v, i) => {
    if (!v) return;
    out.features.push(v);
    out.labels.push(labelOf(entries[i]!));
    out.entries.push(entries[i]!);
  });
  for (const f of result.failed) out.failed.push({ relPath: entries[f.index]!.relPath, reason: f.reason });
  return out;
}
