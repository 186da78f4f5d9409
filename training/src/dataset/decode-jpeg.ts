import jpeg from 'jpeg-js';
import type { RgbaImage } from '../../../src/shared/preprocess/rgba-image';
import { applyOrientation, jpegOrientation } from './exif-orientation';
import { UnreadableImageError } from './image-error';

export interface JpegLimits {
  maxPixels: number;
  maxMemoryMB: number;
}

/**
 * Baseline/progressive JPEG → RGBA with jpeg-js, refusing corrupt data rather than returning grey blocks, and
 * turned upright by its EXIF orientation as a browser would.
 */
export function decodeJpeg(bytes: Uint8Array, limits: JpegLimits): RgbaImage {
  try {
    const image = jpeg.decode(bytes, {
      useTArray: true,
      formatAsRGBA: true,
      tolerantDecoding: false,
      maxResolutionInMP: limits.maxPixels / 1e6,
      maxMemoryUsageInMB: limits.maxMemoryMB,
    });
    return applyOrientation(
      { width: image.width, height: image.height, data: image.data },
      jpegOrientation(bytes),
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/maxResolutionInMP|maxMemoryUsageInMB/.test(message)) {
      throw new UnreadableImageError(`image too large (${message})`);
    }
    throw new UnreadableImageError(`corrupt or truncated JPEG (${message})`);
  }
}
