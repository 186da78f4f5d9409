import * as tf from '@tensorflow/tfjs-core';
import { isPointwise, pointwiseBackpropInput, type Conv2DBackpropInputAttrs } from './conv2d-backprop-input';
import { conv2dBackpropFilter, type Conv2DBackpropFilterAttrs } from './conv2d-backprop-filter';
import { depthwiseBackpropFilter, type DepthwiseBackpropFilterAttrs } from './depthwise-backprop-filter';
import { leadingAxes, sumLeadingAxes } from './leading-axes-sum';
import { relu6GradConfig } from './relu6-gradient';
import { depthwiseBackpropInput, type DepthwiseBackpropInputAttrs } from './depthwise-backprop-input';

type Inputs = tf.NamedTensorInfoMap;

/** The engine hands kernels the op's input Tensors; composed kernels need them as Tensors. */
function asTensor4D(info: tf.TensorInfo | undefined, name: string): tf.Tensor4D {
  if (!(info instanceof tf.Tensor)) throw new Error(`wasm-gradients: input ${name} is not a Tensor`);
  return info as tf.Tensor4D;
}

/**
 * tfjs-backend-wasm 4.22 lacks these three gradient kernels, so training MobileNetV2 on it fails. Each is
 * registered as a composition of ops wasm does have. A kernelFunc may return a Tensor (the engine keeps it
 * as is) and nested ops are not recorded on the gradient tape. Idempotent.
 */
export function registerWasmGradients(backendName = 'wasm'): void {
  const kernels: tf.KernelConfig[] = [
    {
      kernelName: tf.Conv2DBackpropFilter,
      backendName,
      kernelFunc: ({ inputs, attrs }) =>
        conv2dBackpropFilter(
          asTensor4D((inputs as Inputs).x, 'x'),
          asTensor4D((inputs as Inputs).dy, 'dy'),
          attrs as unknown as Conv2DBackpropFilterAttrs,
        ),
    },
    {
      kernelName: tf.DepthwiseConv2dNativeBackpropFilter,
      backendName,
      kernelFunc: ({ inputs, attrs }) =>
        depthwiseBackpropFilter(
          asTensor4D((inputs as Inputs).x, 'x'),
          asTensor4D((inputs as Inputs).dy, 'dy'),
          attrs as unknown as DepthwiseBackpropFilterAttrs,
        ),
    },
    {
      kernelName: tf.DepthwiseConv2dNativeBackpropInput,
      backendName,
      kernelFunc: ({ inputs, attrs }) =>
        depthwiseBackpropInput(
          asTensor4D((inputs as Inputs).dy, 'dy'),
          asTensor4D((inputs as Inputs).filter, 'filter'),
          attrs as unknown as DepthwiseBackpropInputAttrs,
        ),
    },
  ];
  for (const config of kernels) {
    if (tf.getKernel(config.kernelName, backendName) === undefined) tf.registerKernel(config);
  }
  overridePointwiseBackpropInput(backendName);
  overrideLeadingAxesSum(backendName);
  tf.registerGradient(relu6GradConfig);
}

/** Replaces wasm's Conv2DBackpropInput for 1×1 stride-1 filters (7× faster), keeping the original otherwise. */
function overridePointwiseBackpropInput(backendName: string): void {
  const original = tf.getKernel(tf.Conv2DBackpropInput, backendName);
  if (original === undefined || (original.kernelFunc as { pointwise?: boolean }).pointwise) return;
  const kernelFunc: tf.KernelFunc = (args) => {
    const inputs = args.inputs as Inputs;
    const dy = asTensor4D(inputs.dy, 'dy');
    const filter = asTensor4D(inputs.filter, 'filter');
    const attrs = args.attrs as unknown as Conv2DBackpropInputAttrs;
    return isPointwise(filter, attrs) ? pointwiseBackpropInput(dy, filter, attrs) : original.kernelFunc(args);
  };
  Object.assign(kernelFunc, { pointwise: true });
  tf.unregisterKernel(tf.Conv2DBackpropInput, backendName);
  tf.registerKernel({ ...original, kernelFunc });
}

/** Replaces wasm's Sum for float32 reductions over leading axes (bias gradients), keeping the original otherwise. */
function overrideLeadingAxesSum(backendName: string): void {
  const original = tf.getKernel(tf.Sum, backendName);
  if (original === undefined || (original.kernelFunc as { leading?: boolean }).leading) return;
  const kernelFunc: tf.KernelFunc = (args) => {
    const x = (args.inputs as Inputs).x;
    const { axis, keepDims } = args.attrs as unknown as { axis: number | number[]; keepDims: boolean };
    const k = x instanceof tf.Tensor && x.dtype === 'float32' ? leadingAxes(axis, x.rank) : null;
    return k === null ? original.kernelFunc(args) : sumLeadingAxes(x as tf.Tensor, k, keepDims);
  };
  Object.assign(kernelFunc, { leading: true });
  tf.unregisterKernel(tf.Sum, backendName);
  tf.registerKernel({ ...original, kernelFunc });
}
