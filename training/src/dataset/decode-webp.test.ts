import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import encode, { init } from '@jsquash/webp/encode.js';
import { describe, expect, it } from 'vitest';
import { decodeImage } from './decode-image';
import { gradientImage } from './write-test-images';

async function encodeLossless(width: number, height: number) {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('@jsquash/webp/package.json'));
  await init({ wasmBinary: readFileSync(join(root, 'codec/enc/webp_enc.wasm')) } as Parameters<
    typeof init
  >[0]);
  const image = gradientImage(width, height, 2);
  const data = new Uint8ClampedArray(image.data);
  const bytes = await encode({ data, width, height, colorSpace: 'srgb' } as never, { lossless: 1 });
  return { image, bytes: new Uint8Array(bytes) };
}

describe('WebP', () => {
  it('decodes a lossless WebP exactly', async () => {
    const { image, bytes } = await encodeLossless(7, 5);
    const decoded = await decodeImage(bytes);
    expect(decoded.format).toBe('webp');
    expect([decoded.width, decoded.height]).toEqual([7, 5]);
    expect(Array.from(decoded.data)).toEqual(Array.from(image.data));
  });

  it('reports a truncated WebP instead of crashing', async () => {
    const { bytes } = await encodeLossless(7, 5);
    await expect(decodeImage(bytes.subarray(0, 28))).rejects.toThrow(/WebP/);
  });
});
