import * as tf from '@tensorflow/tfjs-core';

/** Padding as the conv kernels receive it ('same', 'valid', a number or explicit per-side pairs). */
export type ConvPad = 'same' | 'valid' | number | tf.backend_util.ExplicitPadding;

export interface ConvGeometry {
  batch: number;
  inHeight: number;
  inWidth: number;
  outHeight: number;
  outWidth: number;
  channels: number;
  filterHeight: number;
  filterWidth: number;
  stride: [number, number];
  top: number;
  left: number;
}

/**
 * The forward conv's geometry, computed by tfjs itself so 'same' padding splits exactly as the forward kernel
 * does (TF puts the odd pixel at the bottom/right). Only NHWC and dilation 1 occur in MobileNetV2.
 */
export function convGeometry(
  xShape: [number, number, number, number],
  filterShape: [number, number, number, number],
  strides: number | [number, number],
  pad: ConvPad,
  depthwise: boolean,
  dimRoundingMode?: 'floor' | 'round' | 'ceil',
  dilations: number | [number, number] = 1,
): ConvGeometry {
  const d = typeof dilations === 'number' ? [dilations, dilations] : dilations;
  if (d[0] !== 1 || d[1] !== 1) throw new Error('wasm-gradients: only dilation 1 is supported');
  const info = tf.backend_util.computeConv2DInfo(
    xShape,
    filterShape,
    strides,
    1,
    pad,
    dimRoundingMode,
    depthwise,
    'channelsLast',
  );
  return {
    batch: info.batchSize,
    inHeight: info.inHeight,
    inWidth: info.inWidth,
    outHeight: info.outHeight,
    outWidth: info.outWidth,
    channels: info.inChannels,
    filterHeight: info.filterHeight,
    filterWidth: info.filterWidth,
    stride: [info.strideHeight, info.strideWidth],
    top: info.padInfo.top,
    left: info.padInfo.left,
  };
}
