import type { SquareCrop } from '../../shared/preprocess/rgba-image';
import type { ImageSize } from './frame-geometry';

/** Fraction of the view's side left around the analysed square, to show context and make the square obvious. */
export const FRAME_MARGIN = 0.08;

/** Where the analysed square sits on a view of `side` pixels. */
export function squareRect(side: number) {
  const inset = side * FRAME_MARGIN;
  return { left: inset, top: inset, size: side - 2 * inset };
}

/**
 * Draws the photo so that `crop` fills the centre square exactly, dims everything outside it and outlines it.
 * The square on screen is the square the model analyses.
 */
export function drawFrame(
  context: CanvasRenderingContext2D,
  side: number,
  preview: ImageBitmap,
  image: ImageSize,
  crop: SquareCrop,
): void {
  const square = squareRect(side);
  const k = square.size / crop.size;
  context.clearRect(0, 0, side, side);
  context.fillStyle = '#111';
  context.fillRect(0, 0, side, side);
  context.imageSmoothingQuality = 'high';
  context.drawImage(
    preview,
    square.left - crop.x * k,
    square.top - crop.y * k,
    image.width * k,
    image.height * k,
  );
  context.fillStyle = 'rgba(0, 0, 0, 0.6)';
  context.beginPath();
  context.rect(0, 0, side, side);
  context.rect(square.left, square.top, square.size, square.size);
  context.fill('evenodd');
  context.strokeStyle = '#fff';
  context.lineWidth = Math.max(2, side / 200);
  context.strokeRect(square.left, square.top, square.size, square.size);
}
