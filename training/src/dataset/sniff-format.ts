export type ImageFormat = 'bmp' | 'jpeg' | 'png' | 'webp';

export type Sniffed = { format: ImageFormat } | { format: null; reason: string };

const ascii = (bytes: Uint8Array, at: number, text: string) =>
  bytes.length >= at + text.length && [...text].every((c, i) => bytes[at + i] === c.charCodeAt(0));

/** The format from the file's first bytes: a file named .jpg that is really a PNG still decodes. */
export function sniffFormat(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return { format: null, reason: 'empty file' };
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { format: 'jpeg' };
  if (ascii(bytes, 0, '\x89PNG\r\n\x1a\n')) return { format: 'png' };
  if (ascii(bytes, 0, 'BM')) return { format: 'bmp' };
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WEBP')) return { format: 'webp' };
  if (ascii(bytes, 0, 'GIF8')) return { format: null, reason: 'GIF images are not supported' };
  if (ascii(bytes, 0, 'II*\0') || ascii(bytes, 0, 'MM\0*'))
    return { format: null, reason: 'TIFF images are not supported' };
  if (ascii(bytes, 4, 'ftyp')) return { format: null, reason: 'HEIC/AVIF images are not supported' };
  return { format: null, reason: 'not an image (unrecognised file signature)' };
}
