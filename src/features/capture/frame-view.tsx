import { useEffect, useRef, useState } from 'react';
import { Icon } from '../../components/icon';
import type { RgbaImage, SquareCrop } from '../../shared/preprocess/rgba-image';
import { drawFrame } from './draw-frame';
import { zoomCrop } from './frame-geometry';
import { previewBitmap } from './preview-bitmap';
import { useFrameGestures } from './use-frame-gestures';
import './capture.css';

interface FrameViewProps {
  image: RgbaImage;
  crop: SquareCrop;
  /** What "Reset" returns to. */
  startCrop: SquareCrop;
  onCropChange: (crop: SquareCrop) => void;
  onAnalyse: () => void;
  busy: boolean;
}

/** Move and zoom the photo until the mole sits in the square: that square, and only it, is analysed. */
export function FrameView({ image, crop, startCrop, onCropChange, onAnalyse, busy }: FrameViewProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [preview, setPreview] = useState<ImageBitmap | null>(null);
  const [side, setSide] = useState(0);
  const gestures = useFrameGestures(image, crop, startCrop, onCropChange);

  useEffect(() => {
    let live = true;
    let bitmap: ImageBitmap | null = null;
    void previewBitmap(image).then((b) => {
      bitmap = b;
      if (live) setPreview(b);
      else b.close();
    });
    return () => {
      live = false;
      bitmap?.close();
    };
  }, [image]);

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
    if (!element || !context || !preview || side === 0) return;
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
