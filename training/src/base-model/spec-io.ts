import { readFileSync, writeFileSync } from 'node:fs';
import type { NetworkSpec } from './network-spec';

/** Where a Float32Array field lives in the .bin file, in floats. */
interface BinRef {
  $bin: { offset: number; length: number };
}

const isBinRef = (v: unknown): v is BinRef => typeof v === 'object' && v !== null && '$bin' in v;

/**
 * Saves a spec as <path>.json (structure) + <path>.bin (all weights, float32 little-endian), e.g. for a
 * fine-tuning checkpoint. Returns the two file paths.
 */
export function saveNetworkSpec(spec: NetworkSpec, path: string): { json: string; bin: string } {
  const arrays: Float32Array[] = [];
  let offset = 0;
  const json = JSON.stringify(spec, (_key, value: unknown) => {
    if (!(value instanceof Float32Array)) return value;
    const ref: BinRef = { $bin: { offset, length: value.length } };
    arrays.push(value);
    offset += value.length;
    return ref;
  });
  const bin = new Float32Array(offset);
  let at = 0;
  for (const a of arrays) {
    bin.set(a, at);
    at += a.length;
  }
  const files = { json: `${path}.json`, bin: `${path}.bin` };
  writeFileSync(files.bin, new Uint8Array(bin.buffer));
  writeFileSync(files.json, json);
  return files;
}

export function readNetworkSpec(path: string): NetworkSpec {
  const bytes = readFileSync(`${path}.bin`);
  // Copy into a fresh, aligned buffer: Buffer pooling can leave byteOffset not a multiple of 4.
  const bin = new Float32Array(new Uint8Array(bytes).buffer);
  return JSON.parse(readFileSync(`${path}.json`, 'utf8'), (_key, value: unknown) => {
    if (!isBinRef(value)) return value;
    const { offset, length } = value.$bin;
    if (offset + length > bin.length) throw new Error(`${path}.bin is shorter than its .json describes`);
    return bin.slice(offset, offset + length);
  }) as NetworkSpec;
}
