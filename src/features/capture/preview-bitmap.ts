import { toImageData } from '../../components/to-image-data';
import type { RgbaImage } from '../../shared/preprocess/rgba-image';

/** Longest side of the on-screen copy: enough for any phone screen, far less memory than a 12 MP original. */
const MAX_PREVIEW_SIDE = 2048;

/** A downscaled bitmap of the decoded pixels, for drawing: what is shown comes from what is analysed. */
export async function previewBitmap(image: RgbaImage): Promise<ImageBitmap> {
  const scale = Math.min(1, MAX_PREVIEW_SIDE / Math.max(image.width, image.height));
  return createImageBitmap(toImageData(image), {
    resizeWidth: Math.max(1, Math.round(image.width * scale)),
    resizeHeight: Math.max(1, Math.round(image.height * scale)),
    resizeQuality: 'high',
  });
}
