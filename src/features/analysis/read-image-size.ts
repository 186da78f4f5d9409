import type { ImageFormat } from '../../shared/image-format/sniff-image-format';
import { readExifOrientation } from './read-exif-orientation';

/**
 * Width and height from a file's header, as the photo is shown (a JPEG's EXIF quarter turn applied), so a
 * decompression bomb is refused and a large photo is scaled down while the browser decodes it. Null when the
 * header cannot tell (the decoder then decides). `bytes` is the start of the file.
 */
export function readImageSize(
  bytes: Uint8Array,
  format: ImageFormat,
): { width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fits = (offset: number, length: number) => offset + length <= bytes.length;
  switch (format) {
    case 'png':
      return fits(16, 8) ? { width: view.getUint32(16), height: view.getUint32(20) } : null;
    case 'gif':
      return fits(6, 4) ? { width: view.getUint16(6, true), height: view.getUint16(8, true) } : null;
    case 'bmp':
      // BITMAPINFOHEADER: signed height (negative = top-down rows).
      return fits(18, 8)
        ? { width: Math.abs(view.getInt32(18, true)), height: Math.abs(view.getInt32(22, true)) }
        : null;
    case 'webp':
      return webpSize(bytes, view, fits);
    case 'jpeg':
      return jpegSize(view, fits);
    default:
      return null;
  }
}

function webpSize(bytes: Uint8Array, view: DataView, fits: (o: number, l: number) => boolean) {
  if (!fits(12, 18)) return null;
  const chunk = String.fromCharCode(...bytes.subarray(12, 16));
  if (chunk === 'VP8X')
    return {
      width: 1 + (view.getUint32(24, true) & 0xffffff),
      height: 1 + (view.getUint32(27, true) & 0xffffff),
    };
  if (chunk === 'VP8L') {
    const bits = view.getUint32(21, true);
    return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff) };
  }
  if (chunk === 'VP8 ')
    return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  return null;
}

function jpegSize(view: DataView, fits: (o: number, l: number) => boolean) {
  let offset = 2;
  let orientation = 1;
  while (fits(offset, 4)) {
    if (view.getUint8(offset) !== 0xff) return null;
    const marker = view.getUint8(offset + 1);
    // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (!fits(offset + 5, 4)) return null;
      const height = view.getUint16(offset + 5);
      const width = view.getUint16(offset + 7);
      // Orientations 5–8 turn the picture a quarter: the stored width is the shown height.
      return orientation >= 5 ? { width: height, height: width } : { width, height };
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2;
      continue;
    }
    const length = view.getUint16(offset + 2);
    // The EXIF block (APP1, before the frame header) says how the picture is turned; XMP blocks read as 1.
    if (marker === 0xe1 && orientation === 1) {
      orientation = readExifOrientation(view, offset + 4, Math.min(offset + 2 + length, view.byteLength));
    }
    offset += 2 + length;
  }
  return null;
}
