import { UnreadableImageError } from '../dataset/image-error';
import { loadImage } from '../dataset/load-image';
import type { SharedImage } from './worker-protocol';

export interface SharedImages<T> {
  /** The entries that decoded, in the given order; `images[i]` is `kept[i]`'s pixels. */
  kept: T[];
  images: SharedImage[];
  /** Entries that could not be decoded, with a plain reason each. */
  failed: { relPath: string; reason: string }[];
}

/**
 * Decodes each image once into a SharedArrayBuffer, so both workers read the same bytes without copies
 * (the 1,132 seed images are ~1.1 GB as RGBA). The dataset stage only checks headers, so a file cut short can
 * still fail here: it is left out with its reason rather than ending the run.
 */
export async function loadSharedImages<T extends { path: string; relPath: string }>(
  entries: readonly T[],
  onProgress?: (done: number, total: number) => void,
): Promise<SharedImages<T>> {
  const out: SharedImages<T> = { kept: [], images: [], failed: [] };
  let done = 0;
  for (const entry of entries) {
    try {
      const image = await loadImage(entry.path);
      const data = new Uint8Array(new SharedArrayBuffer(image.data.length));
      data.set(image.data);
      out.images.push({ width: image.width, height: image.height, data });
      out.kept.push(entry);
    } catch (error) {
      out.failed.push({ relPath: entry.relPath, reason: plainReason(error) });
    }
    onProgress?.(++done, entries.length);
  }
  return out;
}

function plainReason(error: unknown): string {
  if (error instanceof UnreadableImageError) return error.message;
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'the file is gone (deleted or moved while the run started?)';
  if (code === 'EACCES' || code === 'EPERM') return 'the file cannot be read: permission denied';
  return `the file cannot be decoded (${error instanceof Error ? error.message : String(error)})`;
}
