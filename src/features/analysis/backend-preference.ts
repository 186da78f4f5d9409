import { BACKEND_ORDER, type BackendName } from './analysis-types';

const KEY = 'naevus.backend';

/** The backend that last worked on this device, so a failing WebGL is not retried on every visit. */
export function loadPreferredBackend(
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
) {
  try {
    const value = storage?.getItem(KEY);
    return BACKEND_ORDER.find((b) => b === value);
  } catch {
    return undefined; // Storage can be disabled (private mode, policies): just try the default order.
  }
}

export function savePreferredBackend(
  backend: BackendName,
  storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage,
): void {
  try {
    storage?.setItem(KEY, backend);
  } catch {
    // Not remembering is harmless.
  }
}
