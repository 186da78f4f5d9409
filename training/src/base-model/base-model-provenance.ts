import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ModelMetadata } from '../../../src/shared/model/model-metadata';

/** Where the base network comes from, for metadata.json (hash computed from the file actually used). */
export function baseModelProvenance(tflitePath: string): ModelMetadata['baseModel'] {
  return {
    name: 'MobileNetV2 1.0 224 (ImageNet, 8-bit quantisation-aware trained, dequantised to float)',
    source: 'google-coral/test_data: mobilenet_v2_1.0_224_quant.tflite',
    licence: 'Apache-2.0',
    sha256: createHash('sha256').update(readFileSync(tflitePath)).digest('hex'),
  };
}
