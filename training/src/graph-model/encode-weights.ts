import { toFloat16Bits } from './float16';

/** How float weights are stored in the shards; tfjs dequantises them to float32 on load. */
export type WeightDtype = 'float32' | 'float16' | 'uint8';

export interface NamedWeight {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32';
  values: Float32Array | Int32Array;
  /** Small, sensitive tensors (biases) stay float16 even when the rest is uint8. */
  sensitive?: boolean;
}

/** One entry of a tfjs weights manifest (tf.io.WeightsManifestEntry). */
export interface WeightSpec {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32';
  quantization?: { dtype: 'float16' } | { dtype: 'uint8'; min: number; scale: number };
}

export interface EncodedWeights {
  specs: WeightSpec[];
  data: Uint8Array;
}

/** Serialises weights back to back in manifest order, as tf.io.decodeWeights reads them. */
export function encodeWeights(weights: NamedWeight[], dtype: WeightDtype): EncodedWeights {
  const specs: WeightSpec[] = [];
  const parts: Uint8Array[] = [];
  for (const w of weights) {
    const spec: WeightSpec = { name: w.name, shape: w.shape, dtype: w.dtype };
    const target = w.dtype === 'int32' ? 'float32' : dtype === 'uint8' && w.sensitive ? 'float16' : dtype;
    if (w.dtype === 'int32' || target === 'float32') {
      parts.push(new Uint8Array(w.values.slice().buffer));
    } else if (target === 'float16') {
      spec.quantization = { dtype: 'float16' };
      const h = new Uint16Array(w.values.length);
      for (let i = 0; i < h.length; i++) h[i] = toFloat16Bits(w.values[i]!);
      parts.push(new Uint8Array(h.buffer));
    } else {
      const { min, scale, q } = quantiseUint8(w.values as Float32Array);
      spec.quantization = { dtype: 'uint8', min, scale };
      parts.push(q);
    }
    specs.push(spec);
  }
  const total = parts.reduce((n, p) => n + p.length, 0);
  const data = new Uint8Array(total);
  let off = 0;
  for (const p of parts) {
    data.set(p, off);
    off += p.length;
  }
  return { specs, data };
}

/**
 * Affine per-tensor uint8: v ≈ q * scale + min. The range is nudged so that 0 is exactly representable
 * (as tfjs-converter does), which keeps zero weights and padding-like values exact.
 */
export function quantiseUint8(v: Float32Array): { min: number; scale: number; q: Uint8Array } {
  let lo = 0;
  let hi = 0;
  for (const x of v) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  const scale = hi > lo ? (hi - lo) / 255 : 1;
  const zeroPoint = Math.round(-lo / scale);
  const min = -zeroPoint * scale;
  const q = new Uint8Array(v.length);
  for (let i = 0; i < v.length; i++) q[i] = Math.min(255, Math.max(0, Math.round((v[i]! - min) / scale)));
  return { min, scale, q };
}

/** Splits the weight bytes into shards of at most maxBytes (tfjs concatenates a group's shards on load). */
export function shard(data: Uint8Array, maxBytes: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let off = 0; off < data.length; off += maxBytes) out.push(data.subarray(off, off + maxBytes));
  return out.length > 0 ? out : [new Uint8Array(0)];
}
