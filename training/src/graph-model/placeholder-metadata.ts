import type { ModelMetadata } from '../../../src/shared/model/model-metadata';
import type { WeightDtype } from './encode-weights';

/**
 * metadata.json for the temporary app model (base network + an all-zero head): every output is logit 0,
 * i.e. probability 0.5, which falls inside the inconclusive band — the app can be built and tested end to end
 * but never gives a verdict. The export stage overwrites it with the trained model.
 */
export function placeholderMetadata(
  baseModel: ModelMetadata['baseModel'],
  weights: { dtype: WeightDtype; bytes: number },
): ModelMetadata {
  return {
    name: 'naevus-placeholder',
    version: '0.0.0-placeholder',
    createdAt: new Date().toISOString(),
    labels: ['not_dangerous', 'dangerous'],
    input: { size: 224, mean: 128, std: 128, range: [-1, 127 / 128] },
    outputs: { logit: 'logit', features: 'features' },
    calibration: { method: 'none', a: 1, b: 0 },
    threshold: 0.5,
    inconclusiveBand: [0.35, 0.65],
    metrics: {},
    training: {
      description:
        'PLACEHOLDER: ImageNet MobileNetV2 with an untrained all-zero head (logit always 0). Not a classifier; ' +
        'for wiring up the app only. Replaced by the trained model from the export stage.',
      dataHash: '',
      images: {},
      recipe: 'none (placeholder)',
    },
    baseModel,
    weights,
  };
}
