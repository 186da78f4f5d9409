import type { RgbaImage, SquareCrop } from '../../shared/preprocess/rgba-image';

/** Share of the shorter screen side that the circular guide covers. */
export const GUIDE_FRACTION = 0.7;

/**
 * Grabs the current video frame as pixels, and the square (in those pixels) behind the on-screen circle. The
 * video fills the screen with object-fit: cover, so one screen pixel is 1/scale video pixels, centred.
 */
export function captureFrame(video: HTMLVideoElement): { image: RgbaImage; crop: SquareCrop } | null {
  const width = video.videoWidth;
  const height = video.videoHeight;
  if (!width || !height) return null;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  context.drawImage(video, 0, 0, width, height);
  const image = { width, height, data: context.getImageData(0, 0, width, height).data };

  const box = video.getBoundingClientRect();
  const scale = Math.max(box.width / width, box.height / height);
  const guide = Math.min(box.width, box.height) * GUIDE_FRACTION;
  const size = Math.min(width, height, guide / scale);
  return { image, crop: { x: (width - size) / 2, y: (height - size) / 2, size } };
}
