import type { TfliteModel, TfliteTensor } from './read-tflite';
import { TensorType } from './tflite-schema';

/**
 * A constant tensor of a TFLite model as float32, in its TFLite layout:
 * float = scale[c] * (q - zero_point[c]), c = the index along quantized_dimension (one scale = per tensor).
 * `fallbackScale` is for int32 biases stored without their own scale (it is input_scale * weight_scale).
 */
export function dequantise(model: TfliteModel, tensor: TfliteTensor, fallbackScale?: number): Float32Array {
  const raw = model.buffers[tensor.buffer];
  if (!raw || raw.length === 0) throw new Error(`tensor "${tensor.name}" has no constant data`);
  const n = tensor.shape.reduce((a, b) => a * b, 1);
  // Copy so the typed views below are aligned whatever the buffer's offset inside the file.
  const bytes = raw.slice();
  let q: ArrayLike<number>;
  switch (tensor.type) {
    case TensorType.FLOAT32:
      return new Float32Array(bytes.buffer, 0, n);
    case TensorType.UINT8:
      q = bytes;
      break;
    case TensorType.INT8:
      q = new Int8Array(bytes.buffer, 0, n);
      break;
    case TensorType.INT32:
      q = new Int32Array(bytes.buffer, 0, n);
      break;
    default:
      throw new Error(`tensor "${tensor.name}": unsupported constant type ${tensor.type}`);
  }
  if (q.length < n)
    throw new Error(`tensor "${tensor.name}": ${q.length} values for shape [${tensor.shape}]`);
  const quant = tensor.quantization;
  const scales = quant?.scale ?? (fallbackScale !== undefined ? [fallbackScale] : undefined);
  if (!scales) throw new Error(`tensor "${tensor.name}" is quantised but has no scale`);
  const zeros = quant?.zeroPoint ?? [];
  const out = new Float32Array(n);
  if (scales.length === 1) {
    const s = scales[0]!;
    const z = zeros[0] ?? 0;
    for (let i = 0; i < n; i++) out[i] = s * (q[i]! - z);
    return out;
  }
  // Per-channel: the channel of flat index i is (i / inner) % dims[axis].
  const axis = quant!.quantizedDimension;
  const dim = tensor.shape[axis]!;
  if (scales.length !== dim)
    throw new Error(`tensor "${tensor.name}": ${scales.length} scales for ${dim} channels`);
  const inner = tensor.shape.slice(axis + 1).reduce((a, b) => a * b, 1);
  for (let i = 0; i < n; i++) {
    const c = Math.floor(i / inner) % dim;
    out[i] = scales[c]! * (q[i]! - (zeros[c] ?? 0));
  }
  return out;
}

/** [out, kh, kw, in] (TFLite conv) → [kh, kw, in, out] (tfjs conv2d). */
export function ohwiToHwio(w: Float32Array, shape: readonly number[]): Float32Array {
  const [o = 0, h = 0, wd = 0, i = 0] = shape;
  const out = new Float32Array(w.length);
  const hwi = h * wd * i;
  for (let oc = 0; oc < o; oc++) {
    for (let k = 0; k < hwi; k++) out[k * o + oc] = w[oc * hwi + k]!;
  }
  return out;
}
