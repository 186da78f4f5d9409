import type { SquareCrop } from './rgba-image';

/** The largest centred square: what the model sees when the user does not reframe. */
export function centreSquare(width: number, height: number): SquareCrop {
  const size = Math.min(width, height);
  return { x: (width - size) / 2, y: (height - size) / 2, size };
}
