import { toFloat16Bits } from './float16';

/**
 * How float weights are stored in the shards; tfjs dequantises them to float32 on load. 'mixed': uint8 for the
 * largest well-behaved tensors, float16 for the rest (see mixedUint8Names).
 */
export type WeightDtype = 'float32' | 'float16' | 'uint8' | 'mixed';

/** Total weight bytes a 'mixed' encoding aims for: the whole model ≤ 4 MB with model.json alongside. */
export const MIXED_TARGET_BYTES = 3_900_000;

/**
 * Above this relative RMS error under per-tensor uint8 (error RMS / value RMS), a tensor has outliers that
 * stretch its range, so uint8 would flatten its typical weights: it stays float16.
 */
export const MIXED_MAX_RELATIVE_ERROR = 0.05;

/** RMS of the uint8 round-trip error divided by the RMS of the values (0 for an all-zero tensor). */
export function uint8RelativeError(v: Float32Array): number {
  const { min, scale, q } = quantiseUint8(v);
  let err = 0;
  let sum = 0;
  for (let i = 0; i < v.length; i++) {
    const d = q[i]! * scale + min - v[i]!;
    err += d * d;
    sum += v[i]! * v[i]!;
  }
  return sum > 0 ? Math.sqrt(err / sum) : 0;
}

/**
 * Which weights a 'mixed' encoding stores as uint8: starting from float16 everywhere, the largest float tensors
 * that are not sensitive and quantise well go to uint8 (each saves one byte per value) until the total is at
 * most targetBytes. Largest first, because a few big 1×1 convolutions give the saving with the fewest tensors
 * touched; those sit in the last blocks, where uint8 moves the logit least.
 */
export function mixedUint8Names(
  weights: readonly NamedWeight[],
  targetBytes = MIXED_TARGET_BYTES,
  maxRelativeError = MIXED_MAX_RELATIVE_ERROR,
): Set<string> {
  let bytes = weights.reduce((n, w) => n + w.values.length * (w.dtype === 'int32' ? 4 : 2), 0);
  const chosen = new Set<string>();
  const candidates = weights
    .filter((w) => w.dtype === 'float32' && !w.sensitive)
    .sort((a, b) => b.values.length - a.values.length || a.name.localeCompare(b.name));
  for (const w of candidates) {
    if (bytes <= targetBytes) break;
    if (uint8RelativeError(w.values as Float32Array) > maxRelativeError) continue;
    chosen.add(w.name);
    bytes -= w.values.length;
  }
  return chosen;
}

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
export function encodeWeights(
  weights: NamedWeight[],
  dtype: WeightDtype,
  mixedTargetBytes = MIXED_TARGET_BYTES,
): EncodedWeights {
  const specs: WeightSpec[] = [];
  const parts: Uint8Array[] = [];
  const mixedUint8 = dtype === 'mixed' ? mixedUint8Names(weights, mixedTargetBytes) : null;
  for (const w of weights) {
    const spec: WeightSpec = { name: w.name, shape: w.shape, dtype: w.dtype };
    const target =
      w.dtype === 'int32'
        ? 'float32'
        : mixedUint8
          ? mixedUint8.has(w.name)
            ? 'uint8'
            : 'float16'
          : dtype === 'uint8' && w.sensitive
            ? 'float16'
            : dtype;
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
