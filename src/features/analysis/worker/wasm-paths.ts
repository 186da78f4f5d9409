import * as tf from '@tensorflow/tfjs-core';
import plainWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';

/**
 * The wasm binaries are bundled as assets of the app itself (hashed, precached by the service worker), so the
 * wasm backend never fetches from a CDN and works offline.
 *
 * Threads stay off: the threaded build starts its pthread workers from a source string that breaks once the
 * glue code is bundled and minified ("e is not defined" in every thread, and the backend never becomes ready),
 * the known tfjs#4539 class of bug. SIMD alone is the bulk of the wasm speed-up.
 */
export async function loadWasmBackend(): Promise<void> {
  // Loaded only when wasm is tried: most devices with a GPU never download or parse it.
  const { setWasmPaths } = await import('@tensorflow/tfjs-backend-wasm');
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  setWasmPaths({
    'tfjs-backend-wasm.wasm': plainWasm,
    'tfjs-backend-wasm-simd.wasm': simdWasm,
    // Never fetched (threads are off), but setWasmPaths insists on a path for every binary; not bundling the
    // threaded binary keeps 0.4 MB out of the precache.
    'tfjs-backend-wasm-threaded-simd.wasm': simdWasm,
  });
}
