/**
 * Batch normalisation put back on top of the base network's folded convolutions (fine-tune --batch-norm).
 *
 * The TFLite base has its ImageNet BN folded into each convolution's weights and bias, so plain fine-tuning
 * cannot re-estimate BN statistics on dermoscopy, which the GPU reference (Keras, BN trainable) did. Per
 * channel of a convolution's pre-activation z:
 *
 *   out = refStd · (gamma · (z − m) / √(v + ε) + beta) + refMean
 *
 * with (m, v) the batch's moments while training and the running moments otherwise. refMean/refStd are z's
 * moments on the train images measured once before the first step, so gamma and beta start at 1 and 0 and act
 * in normalised units as in Keras, and the layer starts as the identity (running moments = reference moments).
 * A finished network folds back into plain convolution weights (`foldBatchNorm`): the exported graph is
 * unchanged in shape and cost.
 */
import * as tf from '@tensorflow/tfjs';

export const BN_EPSILON = 1e-3;
/** Running moments: weight of the old value per step (~10 steps, 160 images, of memory). */
export const BN_MOMENTUM = 0.9;

/** Trainable per-channel parts, in parameter-layout order after the layer's w and b. */
export const BN_TRAINABLE_PARTS = ['gamma', 'beta'] as const;
/** Untrained per-channel state, in parameter-layout order: running moments, then the reference moments. */
export const BN_STAT_PARTS = ['mean', 'var', 'refMean', 'refStd'] as const;

export type BatchNormPart = (typeof BN_TRAINABLE_PARTS)[number] | (typeof BN_STAT_PARTS)[number];

/** Values for which the layer is exactly the identity (used before the reference moments are measured). */
export function identityValue(part: BatchNormPart): number {
  return { gamma: 1, beta: 0, mean: 0, var: 1 - BN_EPSILON, refMean: 0, refStd: 1 }[part];
}

export interface BatchNormTensors {
  gamma: tf.Tensor1D;
  beta: tf.Tensor1D;
  mean: tf.Tensor1D;
  variance: tf.Tensor1D;
  refMean: tf.Tensor1D;
  refStd: tf.Tensor1D;
}

export interface Moments {
  mean: Float32Array;
  variance: Float32Array;
}

/**
 * Normalises z ([n, h, w, c]) and, while training or when `record` asks for them (the reference-moment pass),
 * returns z's own batch moments for the running averages. Plain inference computes none.
 */
export function applyBatchNorm(
  z: tf.Tensor,
  bn: BatchNormTensors,
  training: boolean,
  record = training,
): { out: tf.Tensor; moments?: Moments } {
  const batch = training || record ? channelMoments(z) : undefined;
  const moments = batch && {
    mean: batch.mean.dataSync() as Float32Array,
    variance: batch.variance.dataSync() as Float32Array,
  };
  const [m, v] = training && batch ? [batch.mean, batch.variance] : [bn.mean, bn.variance];
  // out = z·scale + shift with per-channel scale and shift: two full-size ops instead of six (the gradient
  // still flows through m and v into the batch moments).
  const scale = tf.mul(tf.mul(bn.gamma, tf.rsqrt(tf.add(v, BN_EPSILON))), bn.refStd);
  const shift = tf.add(tf.sub(tf.mul(bn.beta, bn.refStd), tf.mul(scale, m)), bn.refMean);
  const out = channelAffine(z, scale, shift);
  return { out, moments };
}

/** Sum over every axis but the last, as a matMul (see channelMoments). */
function channelSum(x: tf.Tensor): tf.Tensor1D {
  const channels = x.shape[x.rank - 1]!;
  const flat = tf.reshape(x, [-1, channels]) as tf.Tensor2D;
  return tf.reshape(tf.matMul(tf.ones([1, flat.shape[0]]), flat), [channels]) as tf.Tensor1D;
}

/**
 * Per-channel mean and variance of [n, h, w, c]. On the wasm backend a reduction over axes 0–2 transposes the
 * whole tensor first, and so do the gradients of broadcast ops and of matMul: the sums are forward matMuls
 * (channelSum) and the gradient is written out, dz = (dMean + 2·z·dMeanSquare) / count.
 */
const rawMoments = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [z, save] = args as [tf.Tensor, tf.GradSaveFunc];
  save([z]);
  const count = z.size / z.shape[z.rank - 1]!;
  return {
    value: tf.div(tf.stack([channelSum(z), channelSum(tf.square(z))]), count),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [dMean, dMeanSquare] = tf.unstack(dy) as [tf.Tensor1D, tf.Tensor1D];
      return [tf.div(tf.add(tf.mul(tf.mul(saved[0]!, dMeanSquare), 2), dMean), count)];
    },
  };
}) as (z: tf.Tensor) => tf.Tensor2D;

function channelMoments(z: tf.Tensor): { mean: tf.Tensor1D; variance: tf.Tensor1D } {
  const [mean, meanSquare] = tf.unstack(rawMoments(z)) as [tf.Tensor1D, tf.Tensor1D];
  return { mean, variance: tf.relu(tf.sub(meanSquare, tf.square(mean))) as tf.Tensor1D };
}

/** z·scale + shift per channel, with the scale and shift gradients' reductions done by channelSum. */
const channelAffine = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [z, scale, shift, save] = args as [tf.Tensor, tf.Tensor, tf.Tensor, tf.GradSaveFunc];
  save([z, scale]);
  return {
    value: tf.add(tf.mul(z, scale), shift),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [input, s] = saved as [tf.Tensor, tf.Tensor];
      return [tf.mul(dy, s), channelSum(tf.mul(dy, input)), channelSum(dy)];
    },
  };
}) as (z: tf.Tensor, scale: tf.Tensor, shift: tf.Tensor) => tf.Tensor;

/** Per channel, the scale s and shift t with out = s·z + t in inference mode. */
export function batchNormAffine(p: Record<BatchNormPart, Float32Array>): {
  scale: Float32Array;
  shift: Float32Array;
} {
  const n = p.gamma.length;
  const scale = new Float32Array(n);
  const shift = new Float32Array(n);
  for (let c = 0; c < n; c++) {
    const s = (p.refStd[c]! * p.gamma[c]!) / Math.sqrt(p.var[c]! + BN_EPSILON);
    scale[c] = s;
    shift[c] = p.refStd[c]! * p.beta[c]! + p.refMean[c]! - s * p.mean[c]!;
  }
  return { scale, shift };
}

/**
 * A convolution's filter and bias with its batch norm folded in. The output channel is the filter's last
 * axis (conv [kh, kw, in, out]) or its last two flattened (depthwise [kh, kw, in, multiplier]), so in both
 * cases the channel of flat index i is i mod channels.
 */
export function foldBatchNorm(
  filter: Float32Array,
  bias: Float32Array,
  p: Record<BatchNormPart, Float32Array>,
): { filter: Float32Array; bias: Float32Array } {
  const { scale, shift } = batchNormAffine(p);
  const channels = bias.length;
  if (scale.length !== channels) throw new Error(`batch norm of ${scale.length} channels on ${channels}`);
  const w = new Float32Array(filter.length);
  for (let i = 0; i < filter.length; i++) w[i] = filter[i]! * scale[i % channels]!;
  const b = new Float32Array(channels);
  for (let c = 0; c < channels; c++) b[c] = bias[c]! * scale[c]! + shift[c]!;
  return { filter: w, bias: b };
}
