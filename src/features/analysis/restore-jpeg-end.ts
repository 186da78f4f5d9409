import type { MakeContext } from './decode-image';

const END_OF_IMAGE = new Uint8Array([0xff, 0xd9]);
/** A JPEG decoder holds back the last row of 8 or 16 px blocks until the data after it (the end) arrives. */
const LAST_BLOCK_ROW = 16;

/**
 * Some cameras and messaging apps drop a JPEG's final 2-byte end marker, and Chromium's createImageBitmap then
 * refuses the whole photo. An <img> shows whatever part of a file there is and leaves the rest transparent, so
 * it tells such a photo (all but the last block row shown) from a truncated one (a band missing): only the
 * first gets its end marker back, for the ordinary decode. Page only (workers have no Image): null elsewhere,
 * and null when the file cannot be helped this way.
 */
export async function restoreJpegEnd(blob: Blob, makeContext: MakeContext): Promise<Blob | null> {
  if (typeof Image === 'undefined') return null;
  const tail = new Uint8Array(await blob.slice(-2).arrayBuffer());
  if (tail[0] === END_OF_IMAGE[0] && tail[1] === END_OF_IMAGE[1]) return null; // Damaged elsewhere.
  const url = URL.createObjectURL(blob);
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    if (!shownToNearTheEdges(image, makeContext)) return null;
    return new Blob([blob, END_OF_IMAGE], { type: 'image/jpeg' });
  } catch {
    return null;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * Whether the picture is opaque just inside the last block row, on all four sides: EXIF orientation can turn
 * the stored bottom, where a cut-off file lacks rows, to any side.
 */
function shownToNearTheEdges(image: HTMLImageElement, makeContext: MakeContext): boolean {
  const { naturalWidth: width, naturalHeight: height } = image;
  const inset = Math.min(LAST_BLOCK_ROW + 1, Math.floor(Math.min(width, height) / 2));
  const midX = Math.floor(width / 2);
  const midY = Math.floor(height / 2);
  const points = [
    [midX, inset],
    [midX, height - 1 - inset],
    [inset, midY],
    [width - 1 - inset, midY],
  ] as const;
  const context = makeContext(points.length, 1);
  if (!context) return false;
  points.forEach(([x, y], i) => context.drawImage(image, x, y, 1, 1, i, 0, 1, 1));
  const { data } = context.getImageData(0, 0, points.length, 1);
  return points.every((_, i) => data[i * 4 + 3] === 255);
}
