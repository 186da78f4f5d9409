import { useEffect, useRef } from 'react';
import type { RgbaImage, SquareCrop } from '../shared/preprocess/rgba-image';
import { toImageData } from './to-image-data';

/** A small picture of exactly the square that was analysed, drawn from the decoded pixels. */
export function CropPreview({
  image,
  crop,
  size = 128,
}: {
  image: RgbaImage;
  crop: SquareCrop;
  size?: number;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context) return;
    let live = true;
    void createImageBitmap(toImageData(image), crop.x, crop.y, crop.size, crop.size).then((bitmap) => {
      if (live) {
        const side = Math.round(size * devicePixelRatio);
        element.width = element.height = side;
        context.imageSmoothingQuality = 'high';
        context.drawImage(bitmap, 0, 0, side, side);
      }
      bitmap.close();
    });
    return () => {
      live = false;
    };
  }, [image, crop, size]);

  return (
    <canvas
      ref={canvas}
      className="crop-preview"
      style={{ width: size, height: size }}
      role="img"
      aria-label="The part of the photo that was checked"
    />
  );
}
