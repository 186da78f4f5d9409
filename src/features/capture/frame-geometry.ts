import { centreSquare } from '../../shared/preprocess/centre-square';
import type { SquareCrop } from '../../shared/preprocess/rgba-image';

/**
 * The framing step's state is the crop itself, in source pixels: the screen draws exactly this square, and the
 * worker analyses exactly this square. The crop always stays inside the photo, so nothing invented (padding)
 * is ever analysed.
 */
export interface ImageSize {
  width: number;
  height: number;
}

/** Zooming stops when the square is this many source pixels (or a tenth of the photo) wide. */
const MIN_CROP_PIXELS = 32;

export function minCropSize({ width, height }: ImageSize): number {
  return Math.min(Math.min(width, height), Math.max(MIN_CROP_PIXELS, Math.min(width, height) / 10));
}

export function initialCrop({ width, height }: ImageSize): SquareCrop {
  return centreSquare(width, height);
}

export function clampCrop(crop: SquareCrop, image: ImageSize): SquareCrop {
  const size = Math.min(Math.min(image.width, image.height), Math.max(minCropSize(image), crop.size));
  const x = Math.min(image.width - size, Math.max(0, crop.x));
  const y = Math.min(image.height - size, Math.max(0, crop.y));
  return { x, y, size };
}

/** Drag by (dx, dy) screen pixels on a view `viewSize` pixels wide: the photo follows the finger. */
export function panCrop(crop: SquareCrop, dx: number, dy: number, viewSize: number, image: ImageSize) {
  const perView = crop.size / viewSize;
  return clampCrop({ x: crop.x - dx * perView, y: crop.y - dy * perView, size: crop.size }, image);
}

/**
 * Zoom by `factor` (> 1 zooms in) keeping the point under (u, v) — fractions of the view, 0.5 = centre — in
 * place, as a pinch or a wheel over that point would.
 */
export function zoomCrop(crop: SquareCrop, factor: number, image: ImageSize, u = 0.5, v = 0.5): SquareCrop {
  const size = crop.size / factor;
  const anchorX = crop.x + u * crop.size;
  const anchorY = crop.y + v * crop.size;
  const clamped = clampCrop({ x: 0, y: 0, size }, image).size;
  return clampCrop({ x: anchorX - u * clamped, y: anchorY - v * clamped, size: clamped }, image);
}
