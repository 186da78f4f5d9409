import { readFile, stat } from 'node:fs/promises';
import type { RgbaImage } from '../../../src/shared/preprocess/rgba-image';
import { DEFAULT_DECODE_LIMITS, decodeImage } from './decode-image';
import { UnreadableImageError } from './image-error';

/** Files above this are refused unread: no legitimate skin photo is anywhere near 200 MB. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

/** Reads and decodes one image file (BMP, JPEG, PNG, WebP by signature) for any training or evaluation stage. */
export async function loadImage(path: string): Promise<RgbaImage> {
  const info = await stat(path);
  if (info.size === 0) throw new UnreadableImageError('empty file');
  if (info.size > MAX_FILE_BYTES) throw new UnreadableImageError(`file too large (${info.size} bytes)`);
  const { width, height, data } = await decodeImage(await readFile(path), DEFAULT_DECODE_LIMITS);
  return { width, height, data };
}
