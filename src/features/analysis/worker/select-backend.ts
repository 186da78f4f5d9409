import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-wasm';
import { BACKEND_ORDER, type BackendName } from '../analysis-types';

/** The order to try backends in: a remembered working choice first, then the rest fastest first. */
export function backendCandidates(preferred?: BackendName, exclude: BackendName[] = []): BackendName[] {
  const order = preferred ? [preferred, ...BACKEND_ORDER.filter((b) => b !== preferred)] : [...BACKEND_ORDER];
  return order.filter((b) => !exclude.includes(b));
}

/** Switches tfjs to the first backend that initialises; false from setBackend means it failed to start. */
export async function switchBackend(name: BackendName): Promise<boolean> {
  try {
    if (!(await tf.setBackend(name))) return false;
    await tf.ready();
    return tf.getBackend() === name;
  } catch {
    return false;
  }
}

/** True when the WebGL backend's context has been lost (GPU reset, too many contexts, tab in background). */
export function webglContextLost(): boolean {
  if (tf.getBackend() !== 'webgl') return false;
  const backend = tf.backend() as unknown as { gpgpu?: { gl?: { isContextLost?: () => boolean } } };
  return backend.gpgpu?.gl?.isContextLost?.() ?? false;
}
