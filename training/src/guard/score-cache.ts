import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { QualityStats } from '../../../src/shared/guard/quality-stats';

/** What scoring one image yields before any threshold is applied: re-judging needs no model run. */
export interface RawScore {
  name: string;
  stats: QualityStats;
  features: Float32Array;
}

/** A key that changes whenever the model's graph or weights change. */
export function modelKey(modelDir: string): string {
  const hash = createHash('sha256');
  for (const f of readdirSync(modelDir)
    .filter((f) => f === 'model.json' || f.endsWith('.bin'))
    .sort()) {
    hash.update(f).update(readFileSync(join(modelDir, f)));
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * Raw scores of the named images of one set, cached on disk per model (features as float32 binary, the rest
 * as JSON). Only images not yet in the cache are computed, then merged in, so a 400-image sample and a later
 * --all run share work, and re-running after a threshold change takes seconds, not minutes.
 */
export async function cachedScores(
  dir: string,
  key: string,
  set: string,
  names: string[],
  compute: (missing: string[]) => Promise<RawScore[]>,
): Promise<RawScore[]> {
  const base = join(dir, `${key}-${set.replace(/[^a-z0-9-]+/gi, '_')}`);
  const known = new Map<string, RawScore>();
  if (existsSync(`${base}.json`) && existsSync(`${base}.f32`)) {
    const meta = JSON.parse(readFileSync(`${base}.json`, 'utf8')) as {
      names: string[];
      stats: QualityStats[];
      width: number;
    };
    const buf = readFileSync(`${base}.f32`);
    const all = new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
    meta.names.forEach((name, i) =>
      known.set(name, {
        name,
        stats: meta.stats[i]!,
        features: all.slice(i * meta.width, (i + 1) * meta.width),
      }),
    );
  }
  const missing = names.filter((n) => !known.has(n));
  if (missing.length > 0) {
    for (const s of await compute(missing)) known.set(s.name, s);
    const scores = [...known.values()];
    mkdirSync(dir, { recursive: true });
    const width = scores[0]?.features.length ?? 0;
    const all = new Float32Array(scores.length * width);
    scores.forEach((s, i) => all.set(s.features, i * width));
    writeFileSync(`${base}.f32`, all);
    writeFileSync(
      `${base}.json`,
      JSON.stringify({ names: scores.map((s) => s.name), stats: scores.map((s) => s.stats), width }),
    );
  }
  return names.map((n) => known.get(n)!);
}
