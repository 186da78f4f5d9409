/** Decoded pixels, 4 bytes per pixel (RGBA), row-major, top row first — what canvas ImageData holds. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
}

/** A square region of the source image, in source pixels (may be fractional). */
export interface SquareCrop {
  x: number;
  y: number;
  size: number;
}
