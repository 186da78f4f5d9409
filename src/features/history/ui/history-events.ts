/**
 * "The history changed" within this page, so the home entry and open screens refresh after a save, import or
 * delete without the screens knowing about each other.
 */
const target = new EventTarget();
const EVENT = 'history-changed';

export function notifyHistoryChanged(): void {
  target.dispatchEvent(new Event(EVENT));
}

export function onHistoryChanged(listener: () => void): () => void {
  target.addEventListener(EVENT, listener);
  return () => target.removeEventListener(EVENT, listener);
}
