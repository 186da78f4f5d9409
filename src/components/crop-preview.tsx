import { useEffect, useRef } from 'react';
import type { SquareCrop } from '../shared/preprocess/rgba-image';

interface CropPreviewProps {
  /** The photo scaled down for the screen. */
  preview: ImageBitmap;
  /** Width of the full-resolution photo, whose pixels `crop` is in. */
  imageWidth: number;
  crop: SquareCrop;
  size?: number;
}

/** A small picture of exactly the square that was analysed. */
export function CropPreview({ preview, imageWidth, crop, size = 128 }: CropPreviewProps) {
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context) return;
    const side = Math.round(size * devicePixelRatio);
    const scale = preview.width / imageWidth;
    element.width = element.height = side;
    context.imageSmoothingQuality = 'high';
    context.drawImage(
      preview,
      crop.x * scale,
      crop.y * scale,
      crop.size * scale,
      crop.size * scale,
      0,
      0,
      side,
      side,
    );
  }, [preview, imageWidth, crop, size]);

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
