import { useRef, type KeyboardEvent, type PointerEvent, type WheelEvent } from 'react';
import type { SquareCrop } from '../../shared/preprocess/rgba-image';
import { squareRect } from './draw-frame';
import { panCrop, zoomCrop, type ImageSize } from './frame-geometry';

const KEY_PAN = 0.1; // of the square's side per arrow press
const KEY_ZOOM = 1.25;

/**
 * Pointer, wheel, pinch and keyboard handlers for the framing view. The crop is the only state: every gesture
 * maps to panCrop/zoomCrop, in units of the on-screen square.
 */
export function useFrameGestures(
  image: ImageSize,
  crop: SquareCrop,
  startCrop: SquareCrop,
  setCrop: (next: SquareCrop) => void,
) {
  const pointers = useRef(new Map<number, { x: number; y: number }>());

  const square = (element: HTMLElement) => {
    const box = element.getBoundingClientRect();
    const rect = squareRect(box.width);
    return { left: box.left + rect.left, top: box.top + rect.top, size: rect.size };
  };

  const onPointerDown = (event: PointerEvent<HTMLElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    pointers.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
  };

  const onPointerMove = (event: PointerEvent<HTMLElement>) => {
    const active = pointers.current;
    const previous = active.get(event.pointerId);
    if (!previous) return;
    const view = square(event.currentTarget);
    if (active.size === 1) {
      setCrop(panCrop(crop, event.clientX - previous.x, event.clientY - previous.y, view.size, image));
    } else if (active.size === 2) {
      const other = [...active.entries()].find(([id]) => id !== event.pointerId)?.[1];
      if (other) {
        const before = Math.hypot(previous.x - other.x, previous.y - other.y);
        const after = Math.hypot(event.clientX - other.x, event.clientY - other.y);
        if (before > 0) {
          const u = ((event.clientX + other.x) / 2 - view.left) / view.size;
          const v = ((event.clientY + other.y) / 2 - view.top) / view.size;
          setCrop(zoomCrop(crop, after / before, image, u, v));
        }
      }
    }
    active.set(event.pointerId, { x: event.clientX, y: event.clientY });
  };

  const onPointerEnd = (event: PointerEvent<HTMLElement>) => {
    pointers.current.delete(event.pointerId);
  };

  const onWheel = (event: WheelEvent<HTMLElement>) => {
    const view = square(event.currentTarget);
    const factor = Math.exp(-event.deltaY * 0.0015);
    setCrop(
      zoomCrop(
        crop,
        factor,
        image,
        (event.clientX - view.left) / view.size,
        (event.clientY - view.top) / view.size,
      ),
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const view = square(event.currentTarget).size;
    const step = view * KEY_PAN;
    const actions: Record<string, () => SquareCrop> = {
      ArrowLeft: () => panCrop(crop, step, 0, view, image),
      ArrowRight: () => panCrop(crop, -step, 0, view, image),
      ArrowUp: () => panCrop(crop, 0, step, view, image),
      ArrowDown: () => panCrop(crop, 0, -step, view, image),
      '+': () => zoomCrop(crop, KEY_ZOOM, image),
      '=': () => zoomCrop(crop, KEY_ZOOM, image),
      '-': () => zoomCrop(crop, 1 / KEY_ZOOM, image),
      '0': () => startCrop,
    };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    setCrop(action());
  };

  return {
    onPointerDown,
    onPointerMove,
    onPointerUp: onPointerEnd,
    onPointerCancel: onPointerEnd,
    onWheel,
    onKeyDown,
  };
}
