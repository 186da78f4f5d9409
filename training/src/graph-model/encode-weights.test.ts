import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { encodeWeights, quantiseUint8, shard, type NamedWeight } from './encode-weights';
import { toFloat16Bits } from './float16';

const weights = (): NamedWeight[] => [
  { name: 'a', shape: [2, 3], dtype: 'float32', values: Float32Array.of(-1.5, 0, 0.25, 3, 1e-3, -0.7) },
  { name: 'b', shape: [2], dtype: 'float32', values: Float32Array.of(0.1, -0.2), sensitive: true },
  { name: 'axis', shape: [2], dtype: 'int32', values: Int32Array.of(1, 2) },
];

async function decode(dtype: 'float32' | 'float16' | 'uint8'): Promise<Record<string, number[]>> {
  const { specs, data } = encodeWeights(weights(), dtype);
  const map = tf.io.decodeWeights(data.slice().buffer, specs as tf.io.WeightsManifestEntry[]);
  const out: Record<string, number[]> = {};
  for (const [k, t] of Object.entries(map)) {
    out[k] = Array.from(await t.data());
    t.dispose();
  }
  return out;
}

describe('encodeWeights (decoded by tfjs itself)', () => {
  it('float32 is exact, int32 stays int32', async () => {
    const d = await decode('float32');
    expect(d.a).toEqual(Array.from(weights()[0]!.values));
    expect(d.axis).toEqual([1, 2]);
  });

  it('float16 round-trips within half precision', async () => {
    const d = await decode('float16');
    weights()[0]!.values.forEach((v, i) => expect(d.a![i]).toBeCloseTo(v, 3));
    expect(d.axis).toEqual([1, 2]);
  });

  it('uint8 is within half a step, keeps zero exact and biases at float16', async () => {
    const { specs } = encodeWeights(weights(), 'uint8');
    expect(specs[0]!.quantization?.dtype).toBe('uint8');
    expect(specs[1]!.quantization?.dtype).toBe('float16');
    expect(specs[2]!.quantization).toBeUndefined();
    const d = await decode('uint8');
    const step = 4.5 / 255;
    weights()[0]!.values.forEach((v, i) =>
      expect(Math.abs(d.a![i]! - v)).toBeLessThanOrEqual(step / 2 + 1e-6),
    );
    expect(d.a![1]).toBe(0);
  });
});

describe('float16 bits', () => {
  it('matches known encodings', () => {
    expect(toFloat16Bits(1)).toBe(0x3c00);
    expect(toFloat16Bits(-2)).toBe(0xc000);
    expect(toFloat16Bits(65504)).toBe(0x7bff);
    expect(toFloat16Bits(1e6)).toBe(0x7c00);
    expect(toFloat16Bits(5.960464477539063e-8)).toBe(0x0001);
    expect(toFloat16Bits(0)).toBe(0);
  });
});

describe('quantiseUint8 and shard', () => {
  it('handles a constant tensor without dividing by zero', () => {
    const { q, min, scale } = quantiseUint8(new Float32Array(4));
    expect(Array.from(q).map((v) => v * scale + min)).toEqual([0, 0, 0, 0]);
  });

  it('splits into shards no larger than the limit and loses no byte', () => {
    const data = Uint8Array.from({ length: 10 }, (_, i) => i);
    const parts = shard(data, 4);
    expect(parts.map((p) => p.length)).toEqual([4, 4, 2]);
    expect(parts.flatMap((p) => Array.from(p))).toEqual(Array.from(data));
  });
});
