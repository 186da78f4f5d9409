import { BACKEND_ORDER, type BackendName } from './analysis-types';

/**
 * `?backend=webgl|wasm|cpu` on the page URL puts that backend first for this visit — for the benchmark, the
 * backend-parity test and support ("does it work on wasm?"). It is not remembered: the next ordinary visit
 * goes back to the device's own choice. Unknown values are ignored.
 */
export function backendOverride(search: string = globalThis.location?.search ?? ''): BackendName | undefined {
  const asked = new URLSearchParams(search).get('backend');
  return BACKEND_ORDER.find((b) => b === asked);
}
