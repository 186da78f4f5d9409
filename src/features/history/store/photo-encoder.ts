import type { RgbaImage } from '../../../shared/preprocess/rgba-image';

/** Photos are kept at most this many pixels on their longer side: enough to compare, small enough to keep many. */
export const PHOTO_MAX_SIDE = 1024;
export const PHOTO_JPEG_QUALITY = 0.85;
/** Only for a crop handed over in an unexpected format; the app normally passes the model-sized pixels. */
export const CROP_MAX_SIDE = 224;

/** Decoding and encoding images needs a browser; tests inject a fake. */
export interface PhotoEncoder {
  /** Returns a JPEG whose longer side is at most maxSide px (EXIF orientation applied to blobs). */
  toJpeg(source: Blob | RgbaImage, maxSide: number, quality: number): Promise<Blob>;
  /** Lossless, unscaled: for the analysed crop, whose exact pixels matter. */
  toPng(image: RgbaImage): Promise<Blob>;
}

export function scaledSize(
  width: number,
  height: number,
  maxSide: number,
): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

function toImageData(image: RgbaImage): ImageData {
  // ImageData needs its own clamped copy; the analysis may still hold the original buffer.
  return new ImageData(new Uint8ClampedArray(image.data), image.width, image.height);
}

type Canvas2d = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

/** OffscreenCanvas where the browser has it (also in workers), a DOM canvas otherwise. */
async function renderToBlob(
  width: number,
  height: number,
  draw: (context: Canvas2d) => void,
  type: string,
  quality?: number,
): Promise<Blob> {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('2D canvas unavailable');
    draw(context);
    return canvas.convertToBlob(quality === undefined ? { type } : { type, quality });
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('2D canvas unavailable');
  draw(context);
  return new Promise<Blob>((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error(`${type} encoding failed`))),
      type,
      quality,
    ),
  );
}

export const browserPhotoEncoder: PhotoEncoder = {
  async toJpeg(source, maxSide, quality) {
    const bitmap = await createImageBitmap(source instanceof Blob ? source : toImageData(source), {
      imageOrientation: 'from-image',
    });
    try {
      const { width, height } = scaledSize(bitmap.width, bitmap.height, maxSide);
      return await renderToBlob(
        width,
        height,
        (context) => {
          context.imageSmoothingQuality = 'high';
          context.drawImage(bitmap, 0, 0, width, height);
        },
        'image/jpeg',
        quality,
      );
    } finally {
      bitmap.close();
    }
  },
  async toPng(image) {
    const data = toImageData(image);
    return renderToBlob(
      image.width,
      image.height,
      (context) => context.putImageData(data, 0, 0),
      'image/png',
    );
  },
};
