/**
 * The parts of TensorFlow Lite's schema.fbs (tensorflow/lite/schema/schema.fbs) this project reads:
 * enum values and field slot numbers, kept in one place so the reader stays declarative.
 */

export const TensorType = {
  FLOAT32: 0,
  FLOAT16: 1,
  INT32: 2,
  UINT8: 3,
  INT64: 4,
  INT8: 9,
} as const;

/** BuiltinOperator values for the operators a MobileNet uses (plus a few we reject by name). */
export const BuiltinOperator: Record<number, string> = {
  0: 'ADD',
  1: 'AVERAGE_POOL_2D',
  2: 'CONCATENATION',
  3: 'CONV_2D',
  4: 'DEPTHWISE_CONV_2D',
  6: 'DEQUANTIZE',
  9: 'FULLY_CONNECTED',
  14: 'LOGISTIC',
  17: 'MAX_POOL_2D',
  18: 'MUL',
  19: 'RELU',
  21: 'RELU6',
  22: 'RESHAPE',
  25: 'SOFTMAX',
  40: 'MEAN',
  43: 'SQUEEZE',
  114: 'QUANTIZE',
};

export type Padding = 'SAME' | 'VALID';
export const PaddingEnum: Record<number, Padding> = { 0: 'SAME', 1: 'VALID' };

export type FusedActivation = 'NONE' | 'RELU' | 'RELU_N1_TO_1' | 'RELU6' | 'TANH' | 'SIGN_BIT';
export const ActivationEnum: Record<number, FusedActivation> = {
  0: 'NONE',
  1: 'RELU',
  2: 'RELU_N1_TO_1',
  3: 'RELU6',
  4: 'TANH',
  5: 'SIGN_BIT',
};

/** Field slots per table (field N of a table is slot N). */
export const Slot = {
  Model: { version: 0, operatorCodes: 1, subgraphs: 2, description: 3, buffers: 4 },
  OperatorCode: { deprecatedBuiltinCode: 0, customCode: 1, version: 2, builtinCode: 3 },
  SubGraph: { tensors: 0, inputs: 1, outputs: 2, operators: 3, name: 4 },
  Tensor: { shape: 0, type: 1, buffer: 2, name: 3, quantization: 4 },
  Quantization: { min: 0, max: 1, scale: 2, zeroPoint: 3, quantizedDimension: 6 },
  Operator: { opcodeIndex: 0, inputs: 1, outputs: 2, builtinOptionsType: 3, builtinOptions: 4 },
  Buffer: { data: 0, offset: 1, size: 2 },
  Conv2DOptions: { padding: 0, strideW: 1, strideH: 2, activation: 3, dilationW: 4, dilationH: 5 },
  DepthwiseConv2DOptions: {
    padding: 0,
    strideW: 1,
    strideH: 2,
    depthMultiplier: 3,
    activation: 4,
    dilationW: 5,
    dilationH: 6,
  },
  AddOptions: { activation: 0 },
  Pool2DOptions: { padding: 0, strideW: 1, strideH: 2, filterWidth: 3, filterHeight: 4, activation: 5 },
  ReshapeOptions: { newShape: 0 },
  SoftmaxOptions: { beta: 0 },
  FullyConnectedOptions: { activation: 0, weightsFormat: 1, keepNumDims: 2 },
} as const;

/**
 * deprecated_builtin_code is a byte that saturates at 127 (PLACEHOLDER_FOR_GREATER_OP_CODES); newer files
 * carry the real code in builtin_code. The larger of the two is the operator.
 */
export const PLACEHOLDER_FOR_GREATER_OP_CODES = 127;
