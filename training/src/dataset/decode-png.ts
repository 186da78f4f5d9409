import { PNG } from 'pngjs';
import type { RgbaImage } from '../../../src/shared/preprocess/rgba-image';
import { refuseOversize, UnreadableImageError } from './image-error';

/** PNG (any colour type; 16-bit rescaled to 8) → RGBA. The size is checked from IHDR before inflating. */
export function decodePng(bytes: Uint8Array, limits: { maxPixels: number }): RgbaImage {
  if (bytes.length < 24) throw new UnreadableImageError('truncated PNG: the header is incomplete');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const width = view.getUint32(16, false);
  const height = view.getUint32(20, false);
  refuseOversize(width, height, limits.maxPixels);
  try {
    const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return {
      width: png.width,
      height: png.height,
      data: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.length),
    };
  } catch (error) {
    throw new UnreadableImageError(
      `corrupt or truncated PNG (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}
