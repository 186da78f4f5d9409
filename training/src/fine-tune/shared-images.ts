import { loadImage } from '../dataset/load-image';
import type { SharedImage } from './worker-protocol';

/**
 * Decodes each image once into a SharedArrayBuffer, so both workers read the same bytes without copies
 * (the 1,132 seed images are ~1.1 GB as RGBA).
 */
export async function loadSharedImages(
  paths: string[],
  onProgress?: (done: number, total: number) => void,
): Promise<SharedImage[]> {
  const out: SharedImage[] = [];
  for (const path of paths) {
    const image = await loadImage(path);
    const data = new Uint8Array(new SharedArrayBuffer(image.data.length));
    data.set(image.data);
    out.push({ width: image.width, height: image.height, data });
    onProgress?.(out.length, paths.length);
  }
  return out;
}
