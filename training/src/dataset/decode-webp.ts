import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import decode, { init } from '@jsquash/webp/decode.js';
import type { RgbaImage } from '../../../src/shared/preprocess/rgba-image';
import { refuseOversize, UnreadableImageError } from './image-error';

let ready: Promise<void> | null = null;

/** libwebp compiled to wasm (@jsquash/webp); in Node the wasm file is read from the package, not fetched. */
function prepare(): Promise<void> {
  ready ??= (async () => {
    const require = createRequire(import.meta.url);
    const root = dirname(require.resolve('@jsquash/webp/package.json'));
    // Handing Emscripten the bytes skips its fetch(), which cannot read file URLs in Node.
    const wasmBinary = readFileSync(join(root, 'codec/dec/webp_dec.wasm'));
    await init({ wasmBinary } as Parameters<typeof init>[0]);
  })();
  return ready;
}

/** Canvas size from the RIFF header (VP8, VP8L or VP8X), so a huge image is refused before decoding. */
export function webpSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 30) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunk = String.fromCharCode(...bytes.subarray(12, 16));
  if (chunk === 'VP8X') {
    const u24 = (at: number) => bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16);
    return { width: u24(24) + 1, height: u24(27) + 1 };
  }
  if (chunk === 'VP8L') {
    const bits = view.getUint32(21, true);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8 ') {
    return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  }
  return null;
}

export async function decodeWebp(bytes: Uint8Array, limits: { maxPixels: number }): Promise<RgbaImage> {
  const size = webpSize(bytes);
  if (!size) throw new UnreadableImageError('truncated or unsupported WebP header');
  refuseOversize(size.width, size.height, limits.maxPixels);
  await prepare();
  try {
    const copy = bytes.slice().buffer;
    const image = await decode(copy);
    return { width: image.width, height: image.height, data: new Uint8Array(image.data.buffer) };
  } catch (error) {
    throw new UnreadableImageError(
      `corrupt or truncated WebP (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}
