import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import decode, { init } from '@jsquash/jpeg/decode.js';
import type { RgbaImage } from '../../../src/shared/preprocess/rgba-image';
import { applyOrientation, jpegOrientation } from './exif-orientation';
import { refuseOversize, UnreadableImageError } from './image-error';
import { probeSize } from './probe-size';

export interface JpegLimits {
  maxPixels: number;
}

/** libjpeg's warnings during the current decode (it prints them instead of failing, then fills in grey). */
const warnings: string[] = [];
let ready: Promise<void> | null = null;
/** The decode in progress: decodeJpeg chains onto it. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * MozJPEG's decoder (libjpeg-turbo) compiled to wasm, @jsquash/jpeg: the decoder Chromium uses, so training and
 * evaluation see exactly the pixels the app sees (jpeg-js differed by up to 3 levels, up to 0.014 in probability).
 */
function prepare(): Promise<void> {
  ready ??= (async () => {
    const require = createRequire(import.meta.url);
    const root = dirname(require.resolve('@jsquash/jpeg/package.json'));
    // Handing Emscripten the bytes skips its fetch(), which cannot read file URLs in Node.
    const wasmBinary = readFileSync(join(root, 'codec/dec/mozjpeg_dec.wasm'));
    await init({ wasmBinary, printErr: (line: string) => warnings.push(line) } as Parameters<typeof init>[0]);
  })();
  return ready;
}

/**
 * Baseline/progressive JPEG → RGBA, refusing corrupt or cut-off data rather than returning grey blocks, and
 * turned upright by its EXIF orientation as a browser would. Too many pixels are refused from the header, before
 * anything is allocated.
 */
export function decodeJpeg(bytes: Uint8Array, limits: JpegLimits): Promise<RgbaImage> {
  // One decode at a time: `warnings` is shared, and @jsquash awaits between our reset and its wasm call, so two
  // overlapping decodes would each read the other's warnings (a good photo refused beside a damaged one).
  const result = queue.then(() => decodeAlone(bytes, limits));
  queue = result.catch(() => undefined);
  return result;
}

async function decodeAlone(bytes: Uint8Array, limits: JpegLimits): Promise<RgbaImage> {
  const size = probeSize('jpeg', bytes);
  if (size) refuseOversize(size.width, size.height, limits.maxPixels);
  await prepare();
  warnings.length = 0;
  let image: Awaited<ReturnType<typeof decode>>;
  try {
    image = await decode(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
  } catch {
    throw new UnreadableImageError(`corrupt or truncated JPEG (${warnings[0] ?? 'not decodable'})`);
  }
  if (warnings.length > 0) throw new UnreadableImageError(`corrupt or truncated JPEG (${warnings[0]})`);
  return applyOrientation(
    { width: image.width, height: image.height, data: image.data },
    jpegOrientation(bytes),
  );
}
