import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as tf from '@tensorflow/tfjs';

/** A model folder whose files are missing, damaged or do not match; the message names the file. */
export class ModelFilesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelFilesError';
  }
}

export interface ModelFiles {
  json: tf.io.ModelJSON;
  specs: tf.io.WeightsManifestEntry[];
  /** All shards, concatenated in manifest order. */
  weightData: Uint8Array;
}

/**
 * model.json and its weight shards from a folder, checked before tfjs sees them: not JSON, not a graph model,
 * a shard missing, or shards shorter (or longer) than the weights model.json lists each give a ModelFilesError
 * that says which file and what is wrong, where tfjs would report a tensor shape deep inside the graph.
 */
export function readModelFiles(dir: string): ModelFiles {
  const path = join(dir, 'model.json');
  const json = parseModelJson(path, readOrExplain(path, 'model.json'));
  const specs: tf.io.WeightsManifestEntry[] = [];
  const buffers: Uint8Array[] = [];
  for (const group of json.weightsManifest) {
    specs.push(...group.weights);
    const shards = group.paths.map((p) => {
      // A hostile model.json must not make us read files elsewhere.
      if (!/^[\w.-]+$/.test(p) || p.startsWith('.'))
        throw new ModelFilesError(`${path} lists a weights file outside its folder ("${p}")`);
      return { name: p, bytes: readOrExplain(join(dir, p), `weights file ${p} (listed in model.json)`) };
    });
    checkShardSizes(path, group, shards);
    buffers.push(...shards.map((s) => s.bytes));
  }
  const weightData = new Uint8Array(buffers.reduce((n, b) => n + b.length, 0));
  let off = 0;
  for (const b of buffers) {
    weightData.set(b, off);
    off += b.length;
  }
  return { json, specs, weightData };
}

function readOrExplain(path: string, what: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new ModelFilesError(
      code === 'ENOENT' ? `${what} is missing: no ${path}` : `cannot read ${path} (${code ?? String(error)})`,
    );
  }
}

function parseModelJson(path: string, bytes: Uint8Array): tf.io.ModelJSON {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw new ModelFilesError(`${path} is not valid JSON`);
  }
  const j = json as Partial<tf.io.ModelJSON> | null;
  const manifestOk = Array.isArray(j?.weightsManifest) && j.weightsManifest.every(isManifestGroup);
  if (!j || typeof j !== 'object' || typeof j.modelTopology !== 'object' || !j.modelTopology || !manifestOk)
    throw new ModelFilesError(
      `${path} is not a graph model description (no modelTopology or weightsManifest)`,
    );
  return j as tf.io.ModelJSON;
}

type ManifestGroup = tf.io.WeightsManifestConfig[number];

function isManifestGroup(value: unknown): value is ManifestGroup {
  const g = value as Partial<ManifestGroup> | null;
  return (
    typeof g === 'object' &&
    g !== null &&
    Array.isArray(g.paths) &&
    g.paths.every((p) => typeof p === 'string') &&
    Array.isArray(g.weights) &&
    g.weights.every(
      (w) =>
        typeof w === 'object' &&
        w !== null &&
        Array.isArray(w.shape) &&
        w.shape.every((d) => Number.isInteger(d) && d >= 0) &&
        typeof w.dtype === 'string',
    )
  );
}

/** Bytes per value as stored: the quantised width when quantised, else the dtype's; null when not fixed. */
function storedBytes(spec: tf.io.WeightsManifestEntry): number | null {
  const q = spec.quantization?.dtype;
  if (q) return q === 'uint8' ? 1 : 2;
  return ({ float32: 4, int32: 4, bool: 1, complex64: 8 } as Record<string, number>)[spec.dtype] ?? null;
}

/**
 * Shards split one byte stream at a fixed size, so every shard but the last is as long as the longest of them:
 * a shorter one among those is the damaged file, otherwise the last one is.
 */
function checkShardSizes(
  path: string,
  group: ManifestGroup,
  shards: { name: string; bytes: Uint8Array }[],
): void {
  let expected = 0;
  for (const w of group.weights) {
    const width = storedBytes(w);
    if (width === null) return; // strings: no fixed size to check
    expected += w.shape.reduce((n, d) => n * d, 1) * width;
  }
  const actual = shards.reduce((n, s) => n + s.bytes.length, 0);
  if (actual === expected || shards.length === 0) return;
  const leading = shards.slice(0, -1);
  const nominal = Math.max(0, ...leading.map((s) => s.bytes.length));
  const culprit = leading.find((s) => s.bytes.length < nominal);
  const last = shards[shards.length - 1]!;
  const [name, has, should] = culprit
    ? [culprit.name, culprit.bytes.length, nominal]
    : [last.name, last.bytes.length, expected - leading.reduce((n, s) => n + s.bytes.length, 0)];
  throw new ModelFilesError(
    `weights file ${name} is ${has < should ? 'shorter' : 'longer'} than ${path} says ` +
      `(${has} of ${should} bytes): the model folder is damaged or its files are from different models`,
  );
}
