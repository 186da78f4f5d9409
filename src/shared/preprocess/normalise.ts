import type { ModelInputSpec } from '../model/model-metadata';

/** In place: 0..255 RGB → the network's input range, (v - mean) / std. */
export function normalise(rgb: Float32Array, input: Pick<ModelInputSpec, 'mean' | 'std'>): Float32Array {
  const inv = 1 / input.std;
  for (let i = 0; i < rgb.length; i++) rgb[i] = (rgb[i]! - input.mean) * inv;
  return rgb;
}
