import * as tf from '@tensorflow/tfjs-core';

/**
 * Relu6's gradient as dy · step(x) · step(6 − x). tfjs's own builds the mask with LessEqual against a scalar
 * plus a Cast, which on wasm took ~7% of a training step; Step and scalar Sub are fast there. The two differ
 * only at x = 6 exactly (a kink where either value is a valid subgradient).
 */
export const relu6GradConfig: tf.GradConfig = {
  kernelName: tf.Relu6,
  inputsToSave: ['x'],
  gradFunc: (dy, saved) => {
    const [x] = saved as [tf.Tensor];
    return { x: () => tf.mul(dy as tf.Tensor, tf.mul(tf.step(x), tf.step(tf.sub(6, x)))) };
  },
};
