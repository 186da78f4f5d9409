import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What one cached vector was computed from; any change gives a different file. */
export interface CacheKeyParts {
  modelHash: string;
  imageSha256: string;
  preprocessing: string;
  /** Which view of the image ('plain', 'brightness', …). */
  view: string;
  /** Which model output ('features', 'logit'). */
  output: string;
}

export function cacheKey(parts: CacheKeyParts): string {
  return createHash('sha256')
    .update([parts.modelHash, parts.imageSha256, parts.preprocessing, parts.view, parts.output].join('\n'))
    .digest('hex');
}

/** One float32 little-endian file per (model, image, preprocessing, view, output) under `dir`. */
export function outputCache(dir: string) {
  mkdirSync(dir, { recursive: true });
  const path = (key: string) => join(dir, `${key}.f32`);
  return {
    get(key: string): Float32Array | null {
      const file = path(key);
      if (!existsSync(file)) return null;
      const bytes = readFileSync(file);
      return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    },
    put(key: string, values: Float32Array): void {
      // Write then rename, so an interrupted run never leaves a truncated vector behind.
      const tmp = `${path(key)}.${process.pid}.tmp`;
      writeFileSync(tmp, Buffer.from(values.buffer, values.byteOffset, values.byteLength));
      renameSync(tmp, path(key));
    },
  };
}
