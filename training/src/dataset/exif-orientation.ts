import type { RgbaImage } from '../../../src/shared/preprocess/rgba-image';

/**
 * The EXIF orientation (1–8) of a JPEG, or 1 when absent or unreadable. Browsers turn photos upright by this tag
 * (the app decodes with imageOrientation 'from-image'), so training and evaluation must too, or a phone photo
 * would reach the network rotated in one place and upright in the other.
 */
export function jpegOrientation(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 2;
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1]!;
    if (marker === 0xda || marker === 0xd9) break; // image data starts: no EXIF after this
    const length = view.getUint16(at + 2, false);
    const start = at + 4;
    if (
      marker === 0xe1 &&
      length >= 16 &&
      String.fromCharCode(...bytes.subarray(start, start + 6)) === 'Exif\0\0'
    ) {
      return tiffOrientation(view, start + 6, Math.min(bytes.length, at + 2 + length));
    }
    at += 2 + length;
  }
  return 1;
}

function tiffOrientation(view: DataView, tiff: number, end: number): number {
  if (tiff + 8 > end) return 1;
  const order = view.getUint16(tiff, false);
  if (order !== 0x4949 && order !== 0x4d4d) return 1;
  const little = order === 0x4949;
  const ifd = tiff + view.getUint32(tiff + 4, little);
  if (ifd + 2 > end) return 1;
  const entries = view.getUint16(ifd, little);
  for (let i = 0; i < entries; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > end) return 1;
    if (view.getUint16(entry, little) === 0x0112) {
      const value = view.getUint16(entry + 8, little);
      return value >= 1 && value <= 8 ? value : 1;
    }
  }
  return 1;
}

/** Rotates/flips pixels so that an image stored with EXIF `orientation` comes out upright. */
export function applyOrientation(image: RgbaImage, orientation: number): RgbaImage {
  if (orientation <= 1 || orientation > 8) return image;
  const { width: w, height: h, data } = image;
  const swap = orientation >= 5;
  const outW = swap ? h : w;
  const outH = swap ? w : h;
  const out = new Uint8Array(w * h * 4);
  for (let y = 0; y < outH; y++) {
    for (let x = 0; x < outW; x++) {
      // Source pixel shown at (x, y) for each of the EXIF orientations.
      const [sx, sy] =
        orientation === 2
          ? [w - 1 - x, y]
          : orientation === 3
            ? [w - 1 - x, h - 1 - y]
            : orientation === 4
              ? [x, h - 1 - y]
              : orientation === 5
                ? [y, x]
                : orientation === 6
                  ? [y, h - 1 - x]
                  : orientation === 7
                    ? [w - 1 - y, h - 1 - x]
                    : [w - 1 - y, x];
      const s = (sy * w + sx) * 4;
      out.set(data.subarray(s, s + 4), (y * outW + x) * 4);
    }
  }
  return { width: outW, height: outH, data: out };
}
