import * as tf from '@tensorflow/tfjs-core';
// cpu is the last resort and small: always there. WebGL and wasm are separate chunks, loaded when tried.
import '@tensorflow/tfjs-backend-cpu';
import type { BackendName } from '../analysis-types';
import { loadWasmBackend } from './wasm-paths';

async function registerBackend(name: BackendName): Promise<void> {
  if (name === 'webgl') await import('@tensorflow/tfjs-backend-webgl');
  if (name === 'wasm') await loadWasmBackend();
}

/** A backend that has not started in this long is treated as broken (a hung wasm or GPU init). */
const START_TIMEOUT_MS = 30_000;

function withTimeout<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Switches tfjs to `name`; false when it fails to start (setBackend resolves false) or hangs. */
export async function switchBackend(name: BackendName): Promise<boolean> {
  const started = async () => {
    await registerBackend(name);
    if (!(await tf.setBackend(name))) return false;
    await tf.ready();
    return tf.getBackend() === name;
  };
  try {
    return await withTimeout(started(), START_TIMEOUT_MS, false);
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

/**
 * Loses the WebGL context on purpose, as a GPU reset would: lets the end-to-end tests check the fallback to the
 * next backend. Does nothing on other backends.
 */
export function loseWebglContext(): boolean {
  if (tf.getBackend() !== 'webgl') return false;
  const backend = tf.backend() as unknown as { gpgpu?: { gl?: WebGLRenderingContext } };
  const extension = backend.gpgpu?.gl?.getExtension('WEBGL_lose_context');
  extension?.loseContext();
  return Boolean(extension);
}
