import { createHash } from 'node:crypto';
import type { ModelInputSpec } from '../../../src/shared/model/model-metadata';
import { centreSquare } from '../../../src/shared/preprocess/centre-square';
import { cropResizeRgb } from '../../../src/shared/preprocess/crop-resize';
import { toModelInput } from '../../../src/shared/preprocess/model-input';
import { normalise } from '../../../src/shared/preprocess/normalise';
import type { RgbaImage } from '../../../src/shared/preprocess/rgba-image';

/**
 * 'plain' is exactly the app's input. 'brightness' is the seed project's best augmentation as one fixed extra
 * view per training image: the same centre crop with brightness scaled by a factor in [0.75, 1.25) derived from
 * the image's hash, so it is deterministic and cacheable.
 */
export type ImageView = 'plain' | 'brightness';

export function brightnessFactor(imageSha256: string): number {
  const u = createHash('sha256').update(`brightness:${imageSha256}`).digest().readUInt32BE(0) / 2 ** 32;
  return 0.75 + 0.5 * u;
}

export function viewInput(
  image: RgbaImage,
  imageSha256: string,
  view: ImageView,
  input: ModelInputSpec,
): Float32Array {
  if (view === 'plain') return toModelInput(image, input);
  const rgb = cropResizeRgb(image, centreSquare(image.width, image.height), input.size);
  const factor = brightnessFactor(imageSha256);
  for (let i = 0; i < rgb.length; i++) rgb[i] = Math.min(255, rgb[i]! * factor);
  return normalise(rgb, input);
}
