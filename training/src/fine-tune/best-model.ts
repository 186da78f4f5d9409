import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelInputSpec } from '../../../src/shared/model/model-metadata';
import {
  BN_STAT_PARTS,
  BN_TRAINABLE_PARTS,
  foldBatchNorm,
  type BatchNormPart,
} from '../base-model/batch-norm';
import {
  featureExtractor,
  isWeighted,
  type DenseHead,
  type Layer,
  type NetworkSpec,
} from '../base-model/network-spec';
import type { ParamLayout } from './param-layout';

/**
 * The best epoch's weights, as <runDir>/best/{model.json, params.bin}: params.bin is the flat float32
 * (little-endian) parameter vector and model.json its layout (layer name, part w|b, shape, offset), plus the
 * epoch, valid AUC and input spec. valid-logits.json holds that epoch's per-image valid-split logits.
 */
export interface BestModelInfo {
  format: 'naevus-fine-tuned/1';
  epoch: number;
  validAuc: number;
  input: ModelInputSpec;
  baseModel: string;
  layout: ParamLayout;
  recipe: Record<string, unknown>;
}

export interface ValidLogit {
  relPath: string;
  label: 0 | 1;
  logit: number;
}

export function saveBestModel(
  runDir: string,
  info: BestModelInfo,
  params: Float32Array,
  logits: ValidLogit[],
): void {
  const dir = join(runDir, 'best');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'params.bin'), Buffer.from(params.buffer, params.byteOffset, params.byteLength));
  writeFileSync(join(dir, 'model.json'), JSON.stringify(info, null, 1));
  writeFileSync(join(dir, 'valid-logits.json'), JSON.stringify(logits, null, 1));
}

/**
 * Reads a run's best weights back into the base network's spec: the fine-tuned feature extractor (frozen
 * layers keep their base weights; a batch norm is folded into its convolution) plus the new dense head, ready
 * for the export stage's graph-model writer.
 */
export function loadFineTuned(
  runDir: string,
  base: NetworkSpec,
): { spec: NetworkSpec; head: DenseHead; info: BestModelInfo } {
  const dir = join(runDir, 'best');
  const info = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as BestModelInfo;
  const bytes = readFileSync(join(dir, 'params.bin'));
  const params = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  if (params.length !== info.layout.total) throw new Error(`${dir}: params.bin does not match model.json`);
  const values = new Map<string, Float32Array>();
  for (const e of info.layout.entries)
    values.set(`${e.layer}/${e.part}`, params.slice(e.offset, e.offset + e.size));
  const extractor = featureExtractor(base);
  const layers = extractor.layers.map((layer): Layer => {
    if (!isWeighted(layer)) return layer;
    let w = values.get(`${layer.name}/w`);
    let b = values.get(`${layer.name}/b`);
    if (!w || !b) return layer;
    const bn = batchNormOf(values, layer.name);
    if (bn) ({ filter: w, bias: b } = foldBatchNorm(w, b, bn));
    return layer.kind === 'dense' ? { ...layer, kernel: w, bias: b } : { ...layer, filter: w, bias: b };
  });
  const kernel = values.get('head/w');
  const bias = values.get('head/b');
  if (!kernel || !bias) throw new Error(`${dir}: no head weights`);
  // The written graph model takes the size the run trained at (convolution weights do not depend on it).
  return {
    spec: { ...extractor, inputSize: info.input.size, layers },
    head: { weights: kernel, bias: bias[0]! },
    info,
  };
}

/** A layer's batch-norm values when the run trained with --batch-norm, else null. */
function batchNormOf(
  values: Map<string, Float32Array>,
  layer: string,
): Record<BatchNormPart, Float32Array> | null {
  const parts = [...BN_TRAINABLE_PARTS, ...BN_STAT_PARTS];
  const found = parts.map((p) => values.get(`${layer}/${p}`));
  if (found.every((v) => v === undefined)) return null;
  if (found.some((v) => v === undefined)) throw new Error(`${layer}: incomplete batch norm in params.bin`);
  return Object.fromEntries(parts.map((p, i) => [p, found[i]!])) as Record<BatchNormPart, Float32Array>;
}
