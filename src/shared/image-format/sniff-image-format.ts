/**
 * Image formats told apart by their first bytes (a file's name and MIME type can lie). The one sniffer for the
 * app and the training pipeline; each caller decides which of these it accepts.
 */
export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'bmp' | 'gif' | 'avif' | 'heic' | 'tiff';

const PNG_SIGNATURE = '\x89PNG\r\n\x1a\n';

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

/** The format from a file's first 16+ bytes, or null when it is not an image we know. */
export function sniffImageFormat(head: Uint8Array): ImageFormat | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (ascii(head, 0, 8) === PNG_SIGNATURE) return 'png';
  if (head.length >= 12 && ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WEBP') return 'webp';
  // 14 bytes: a BMP file header is at least that long, so two stray letters "BM" are not taken for one.
  if (head.length >= 14 && ascii(head, 0, 2) === 'BM') return 'bmp';
  if (head.length >= 6 && (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a')) return 'gif';
  if (ascii(head, 0, 4) === 'II*\0' || ascii(head, 0, 4) === 'MM\0*') return 'tiff';
  if (head.length >= 12 && ascii(head, 4, 4) === 'ftyp') {
    const brand = ascii(head, 8, 4);
    if (brand === 'avif' || brand === 'avis') return 'avif';
    if (['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1'].includes(brand)) return 'heic';
  }
  return null;
}
