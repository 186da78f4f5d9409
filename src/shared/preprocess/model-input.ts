import type { ModelInputSpec } from '../model/model-metadata';
import { centreSquare } from './centre-square';
import { cropResizeRgb } from './crop-resize';
import { normalise } from './normalise';
import type { RgbaImage, SquareCrop } from './rgba-image';

/**
 * The single path from decoded pixels to the network's input (size×size×3 floats, HWC), used by the app's
 * worker and by every training/evaluation stage.
 */
export function toModelInput(
  image: RgbaImage,
  input: ModelInputSpec,
  crop: SquareCrop = centreSquare(image.width, image.height),
): Float32Array {
  return normalise(cropResizeRgb(image, crop, input.size), input);
}
