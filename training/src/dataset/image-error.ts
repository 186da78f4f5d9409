/** A file that cannot become pixels, with a reason plain enough to list in a report. */
export class UnreadableImageError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'UnreadableImageError';
  }
}

/** Refuses an image from its header's size, before its pixels are allocated (every decoder's one limit). */
export function refuseOversize(width: number, height: number, maxPixels: number): void {
  if (width * height > maxPixels) {
    throw new UnreadableImageError(
      `image too large (${width}×${height}, over ${Math.round(maxPixels / 1e6)} megapixels)`,
    );
  }
}
