import { sniffImageFormat } from '../../../src/shared/image-format/sniff-image-format';

/** The formats the training decoders read (pure TS, no browser codecs). */
export type ImageFormat = 'bmp' | 'jpeg' | 'png' | 'webp';

export type Sniffed = { format: ImageFormat } | { format: null; reason: string };

/** The format from the file's first bytes: a file named .jpg that is really a PNG still decodes. */
export function sniffFormat(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return { format: null, reason: 'empty file' };
  const format = sniffImageFormat(bytes);
  switch (format) {
    case 'bmp':
    case 'jpeg':
    case 'png':
    case 'webp':
      return { format };
    case 'gif':
      return { format: null, reason: 'GIF images are not supported' };
    case 'tiff':
      return { format: null, reason: 'TIFF images are not supported' };
    case 'avif':
    case 'heic':
      return { format: null, reason: 'HEIC/AVIF images are not supported' };
    case null:
      return { format: null, reason: 'not an image (unrecognised file signature)' };
  }
}
