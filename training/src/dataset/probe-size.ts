import { webpSize } from './decode-webp';
import { jpegOrientation } from './exif-orientation';
import type { ImageFormat } from './sniff-format';

/**
 * Width and height from the file header alone, for stages that decode later (evaluation) and only need to know
 * the file is plausibly an image. Null when the header is missing or damaged.
 */
export function probeSize(format: ImageFormat, bytes: Uint8Array): { width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (format) {
    case 'bmp':
      return bytes.length >= 26
        ? { width: view.getInt32(18, true), height: Math.abs(view.getInt32(22, true)) }
        : null;
    case 'png':
      return bytes.length >= 24
        ? { width: view.getUint32(16, false), height: view.getUint32(20, false) }
        : null;
    case 'webp':
      return webpSize(bytes);
    case 'jpeg': {
      const size = jpegSize(bytes, view);
      // Orientations 5–8 turn the picture a quarter: report the upright size, as decodeJpeg returns it.
      return size && jpegOrientation(bytes) >= 5 ? { width: size.height, height: size.width } : size;
    }
  }
}

/** Walks JPEG marker segments to the first start-of-frame (SOF0–SOF15 except DHT, JPG and DAC). */
function jpegSize(bytes: Uint8Array, view: DataView): { width: number; height: number } | null {
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    const length = view.getUint16(at + 2, false);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: view.getUint16(at + 5, false), width: view.getUint16(at + 7, false) };
    }
    at += 2 + length;
  }
  return null;
}
