/** Photos are kept at most this many pixels on their longer side: enough to compare, small enough to keep many. */
export const PHOTO_MAX_SIDE = 1024;
export const PHOTO_JPEG_QUALITY = 0.85;
/** The analysed crop is the model's input size; 224 px for MobileNetV2, never larger. */
export const CROP_MAX_SIDE = 224;

/** Decoding and re-encoding images needs a browser; tests inject a fake. */
export interface PhotoEncoder {
  /** Returns a JPEG whose longer side is at most maxSide px (EXIF orientation applied). */
  toJpeg(source: Blob, maxSide: number, quality: number): Promise<Blob>;
}

export function scaledSize(
  width: number,
  height: number,
  maxSide: number,
): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** OffscreenCanvas where the browser has it (works in workers too), a DOM canvas otherwise. */
export const browserPhotoEncoder: PhotoEncoder = {
  async toJpeg(source, maxSide, quality) {
    const bitmap = await createImageBitmap(source, { imageOrientation: 'from-image' });
    try {
      const { width, height } = scaledSize(bitmap.width, bitmap.height, maxSide);
      if (typeof OffscreenCanvas !== 'undefined') {
        const canvas = new OffscreenCanvas(width, height);
        const context = canvas.getContext('2d');
        if (!context) throw new Error('2D canvas unavailable');
        context.drawImage(bitmap, 0, 0, width, height);
        return await canvas.convertToBlob({ type: 'image/jpeg', quality });
      }
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('2D canvas unavailable');
      context.drawImage(bitmap, 0, 0, width, height);
      return await new Promise<Blob>((resolve, reject) =>
        canvas.toBlob(
          (blob) => (blob ? resolve(blob) : reject(new Error('JPEG encoding failed'))),
          'image/jpeg',
          quality,
        ),
      );
    } finally {
      bitmap.close();
    }
  },
};
