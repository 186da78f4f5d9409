import * as tf from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/**
 * Copies between wasm heap views directly. wasm's Slice kernel is JavaScript that first copies the WHOLE
 * input out of the heap (readSync) and then copies one innermost run per call, so nine tap slices of a
 * 56×56×144 batch cost ~25 ms each; a heap-view copy of the same windows is a few memcpys. Other backends
 * (the cpu reference in tests) take the plain tf.slice path.
 */
function wasmBackend(): BackendWasm | null {
  return tf.getBackend() === 'wasm' ? (tf.backend() as BackendWasm) : null;
}

function heapView(backend: BackendWasm, t: tf.Tensor): Float32Array {
  if (t.dtype !== 'float32') throw new Error('wasm-gradients: heap copies are float32 only');
  const { memoryOffset } = backend.dataIdMap.get(t.dataId) as { memoryOffset: number };
  // Re-read HEAPF32 after any allocation: growing the heap replaces the buffer.
  return (backend.wasm as unknown as { HEAPF32: Float32Array }).HEAPF32.subarray(
    memoryOffset / 4,
    memoryOffset / 4 + t.size,
  );
}

/** x [rows, L] → [rows, length] = x[:, begin : begin + length]. */
export function rowWindows(x: tf.Tensor2D, begin: number, length: number): tf.Tensor2D {
  const backend = wasmBackend();
  if (backend === null) return tf.slice(x, [0, begin], [x.shape[0], length]);
  const [rows, width] = x.shape;
  const info = backend.makeOutput([rows, length], 'float32');
  const out = backend.typedArrayFromHeap(info) as Float32Array;
  const src = heapView(backend, x);
  for (let r = 0; r < rows; r++)
    out.set(src.subarray(r * width + begin, r * width + begin + length), r * length);
  return tf.engine().makeTensorFromTensorInfo(info) as tf.Tensor2D;
}

/** x [N, H, W, C] → x[:, p::sh, q::sw, :] as [N, H/sh, W/sw, C] (H, W multiples of the strides). */
export function phasePlane(x: tf.Tensor4D, sh: number, sw: number, p: number, q: number): tf.Tensor4D {
  const [n, h, w, c] = x.shape;
  const hq = h / sh;
  const wq = w / sw;
  const backend = wasmBackend();
  if (backend === null) {
    const rows = tf.reshape(tf.slice(tf.reshape(x, [n, hq, sh, w * c]), [0, 0, p, 0], [n, hq, 1, w * c]), [
      n * hq,
      wq,
      sw * c,
    ]);
    return tf.reshape(tf.slice(rows, [0, 0, q * c], [n * hq, wq, c]), [n, hq, wq, c]);
  }
  const info = backend.makeOutput([n, hq, wq, c], 'float32');
  const out = backend.typedArrayFromHeap(info) as Float32Array;
  const src = heapView(backend, x);
  let o = 0;
  for (let b = 0; b < n; b++) {
    for (let i = 0; i < hq; i++) {
      let s = ((b * h + i * sh + p) * w + q) * c;
      for (let j = 0; j < wq; j++, s += sw * c, o += c) out.set(src.subarray(s, s + c), o);
    }
  }
  return tf.engine().makeTensorFromTensorInfo(info) as tf.Tensor4D;
}

/**
 * One depthwise tap's filter gradient, Σ over (n, i, j) of plane[n, i + di, j + dj, c] · dy[n, i, j, c] for every
 * channel c, read straight from the heap: no tap copy or product tensor is materialised. (A ones-vector
 * matMul for the sum would be a plain wasm op, but XNNPACK re-packs its large right operand on every call.)
 * plane is [N, hq, wq, C] flattened to [N, hq * wq * C]; dy is [N, outH, outW, C].
 */
export function tapChannelDots(
  plane: tf.Tensor2D,
  wq: number,
  dy: tf.Tensor4D,
  di: number,
  dj: number,
): Float64Array {
  const [n, oh, ow, c] = dy.shape;
  const planeSize = plane.shape[1];
  const out = new Float64Array(c);
  const backend = wasmBackend();
  const pv = backend ? heapView(backend, plane) : (plane.dataSync() as Float32Array);
  const dv = backend ? heapView(backend, dy) : (dy.dataSync() as Float32Array);
  let d = 0;
  for (let b = 0; b < n; b++) {
    for (let i = 0; i < oh; i++) {
      let p = b * planeSize + ((i + di) * wq + dj) * c;
      for (let j = 0; j < ow; j++, p += c, d += c) {
        for (let k = 0; k < c; k++) out[k] = out[k]! + pv[p + k]! * dv[d + k]!;
      }
    }
  }
  return out;
}

/** Column sums of x [rows, C], accumulated in float64 from the heap view. */
export function heapReduceRows(x: tf.Tensor2D): Float32Array {
  const [rows, c] = x.shape;
  const backend = wasmBackend();
  const v = backend ? heapView(backend, x) : (x.dataSync() as Float32Array);
  const acc = new Float64Array(c);
  for (let r = 0, o = 0; r < rows; r++, o += c) {
    for (let k = 0; k < c; k++) acc[k] = acc[k]! + v[o + k]!;
  }
  return Float32Array.from(acc);
}
