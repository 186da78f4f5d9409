import { join } from 'node:path';
import { loadBaseNetwork } from '../base-model/load-base-network';
import { featureExtractor } from '../base-model/network-spec';
import type { LabelConfig } from '../dataset/label-config';
import { hashedModel } from '../features/feature-network';
import { prepareData } from './prepare-data';
import { baseInput } from './run-pipeline';
import { splitFeatures } from './split-features';

export interface WarmCacheReport {
  images: number;
  computed: number;
  seconds: number;
  failed: { relPath: string; reason: string }[];
}

/**
 * The embedding stage alone (`npm run train -- --features-only`): base-network features of every train and
 * valid image, plus the brightness copy of train, into the cache that --quick then reads in seconds.
 */
export async function warmFeatureCache(args: {
  data: string;
  base: string;
  cacheDir: string;
  labels?: LabelConfig;
  augment: boolean;
}): Promise<WarmCacheReport> {
  const started = performance.now();
  const { splits } = await prepareData(args.data, args.labels);
  const spec = featureExtractor(loadBaseNetwork(args.base));
  const network = hashedModel(spec);
  const input = baseInput(spec.inputSize);
  const dir = join(args.cacheDir, 'features');
  try {
    const train = await splitFeatures(splits.train, network, input, dir, 'train features');
    const valid = await splitFeatures(splits.valid, network, input, dir, 'valid features');
    const parts = [train, valid];
    if (args.augment) {
      parts.push(
        await splitFeatures(train.entries, network, input, dir, 'train features, brightness', 'brightness'),
      );
    }
    return {
      images: parts.reduce((n, p) => n + p.entries.length + p.failed.length, 0),
      computed: parts.reduce((n, p) => n + p.computed, 0),
      seconds: (performance.now() - started) / 1000,
      failed: [...train.failed, ...valid.failed],
    };
  } finally {
    network.loaded()?.dispose();
  }
}
