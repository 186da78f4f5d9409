import * as tf from '@tensorflow/tfjs-core';
import { conv2dBackpropFilter, type Conv2DBackpropFilterAttrs } from './conv2d-backprop-filter';
import { depthwiseBackpropFilter, type DepthwiseBackpropFilterAttrs } from './depthwise-backprop-filter';
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
}
