import { useEffect, useRef, useState } from 'react';
import { Icon } from '../../components/icon';
import type { SquareCrop } from '../../shared/preprocess/rgba-image';
import { drawFrame } from './draw-frame';
import { zoomCrop, type ImageSize } from './frame-geometry';
import { useFrameGestures } from './use-frame-gestures';
import './capture.css';

interface FrameViewProps {
  /** Size of the full-resolution photo: the crop is in its pixels. */
  image: ImageSize;
  /** The photo scaled down for the screen (made off the main thread). */
  preview: ImageBitmap;
  crop: SquareCrop;
  /** What "Reset" returns to. */
  startCrop: SquareCrop;
  onCropChange: (crop: SquareCrop) => void;
  onAnalyse: () => void;
  busy: boolean;
}

/** Move and zoom the photo until the mole sits in the square: that square, and only it, is analysed. */
export function FrameView({
  image,
  preview,
  crop,
  startCrop,
  onCropChange,
  onAnalyse,
  busy,
}: FrameViewProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [side, setSide] = useState(0);
  const gestures = useFrameGestures(image, crop, startCrop, onCropChange);

  useEffect(() => {
    const element = canvas.current?.parentElement;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setSide(entry?.contentRect.width ?? 0));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context || side === 0) return;
    const pixels = Math.round(side * devicePixelRatio);
    if (element.width !== pixels) element.width = element.height = pixels;
    drawFrame(context, pixels, preview, image, crop);
  }, [preview, side, image, crop]);

  return (
    <div className="frame">
      <p className="frame__hint">
        Drag or zoom so the mole fills the bright square. Only the square is checked.
      </p>
      <div
        className="frame__stage"
        tabIndex={0}
        role="group"
        aria-label="Photo framing area. Arrow keys move the photo, plus and minus zoom, zero resets."
        aria-roledescription="framing area"
        {...gestures}
      >
        <canvas ref={canvas} className="frame__canvas" aria-hidden="true" />
      </div>
      <div className="frame__tools" role="toolbar" aria-label="Zoom">
        <button
          type="button"
          className="button button--icon"
          onClick={() => onCropChange(zoomCrop(crop, 1.25, image))}
        >
          <Icon name="plus" />
          <span className="visually-hidden">Zoom in</span>
        </button>
        <button
          type="button"
          className="button button--icon"
          onClick={() => onCropChange(zoomCrop(crop, 0.8, image))}
        >
          <Icon name="minus" />
          <span className="visually-hidden">Zoom out</span>
        </button>
        <button type="button" className="button button--ghost" onClick={() => onCropChange(startCrop)}>
          <Icon name="reset" />
          <span>Reset</span>
        </button>
      </div>
      <button
        type="button"
        className="button button--primary button--large"
        data-testid="analyse"
        onClick={onAnalyse}
        disabled={busy}
        aria-busy={busy}
      >
        <Icon name="check" />
        <span>{busy ? 'Checking…' : 'Check this mole'}</span>
      </button>
    </div>
  );
}
