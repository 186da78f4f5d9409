import { FlatTable } from './flatbuffer-table';
import {
  ActivationEnum,
  BuiltinOperator,
  PaddingEnum,
  PLACEHOLDER_FOR_GREATER_OP_CODES,
  Slot,
  type FusedActivation,
  type Padding,
} from './tflite-schema';

/** A TFLite file as plain objects: only what a float conversion needs. */
export interface TfliteModel {
  tensors: TfliteTensor[];
  operators: TfliteOperator[];
  inputs: number[];
  outputs: number[];
  /** Raw buffer contents, indexed by Tensor.buffer (views into the file, not copies). */
  buffers: Uint8Array[];
}

export interface TfliteQuantization {
  scale: number[];
  zeroPoint: number[];
  quantizedDimension: number;
}

export interface TfliteTensor {
  index: number;
  name: string;
  shape: number[];
  type: number;
  buffer: number;
  quantization?: TfliteQuantization;
}

export type TfliteOptions =
  | {
      kind: 'conv';
      padding: Padding;
      strideH: number;
      strideW: number;
      activation: FusedActivation;
      dilationH: number;
      dilationW: number;
    }
  | {
      kind: 'depthwise';
      padding: Padding;
      strideH: number;
      strideW: number;
      depthMultiplier: number;
      activation: FusedActivation;
      dilationH: number;
      dilationW: number;
    }
  | { kind: 'add'; activation: FusedActivation }
  | {
      kind: 'pool';
      padding: Padding;
      strideH: number;
      strideW: number;
      filterH: number;
      filterW: number;
      activation: FusedActivation;
    }
  | { kind: 'reshape'; newShape: number[] }
  | { kind: 'softmax'; beta: number }
  | { kind: 'fully-connected'; activation: FusedActivation; keepNumDims: boolean }
  | { kind: 'none' };

export interface TfliteOperator {
  /** BuiltinOperator name, e.g. 'CONV_2D', or 'CUSTOM:<code>' / 'BUILTIN_<n>' for ones this reader does not know. */
  op: string;
  inputs: number[];
  outputs: number[];
  options: TfliteOptions;
}

/** Parses a .tflite flatbuffer (first subgraph only — a classifier has one). */
export function readTflite(bytes: Uint8Array): TfliteModel {
  if (bytes.length < 8 || String.fromCharCode(...bytes.subarray(4, 8)) !== 'TFL3') {
    throw new Error('not a TFLite flatbuffer (missing "TFL3" identifier)');
  }
  const model = FlatTable.root(bytes);
  const S = Slot.Model;
  const opNames = model.tables(S.operatorCodes).map(readOperatorCode);
  const buffers = model.tables(S.buffers).map((b) => {
    if (b.uint64(Slot.Buffer.offset) > 1) {
      throw new Error('TFLite buffers stored outside the flatbuffer (>2 GB models) are not supported');
    }
    return b.bytes(Slot.Buffer.data);
  });
  const subgraph = model.tables(S.subgraphs)[0];
  if (!subgraph) throw new Error('TFLite model has no subgraph');
  const G = Slot.SubGraph;
  return {
    tensors: subgraph.tables(G.tensors).map(readTensor),
    operators: subgraph.tables(G.operators).map((t) => readOperator(t, opNames)),
    inputs: subgraph.int32s(G.inputs),
    outputs: subgraph.int32s(G.outputs),
    buffers,
  };
}

function readOperatorCode(t: FlatTable): string {
  const S = Slot.OperatorCode;
  const code = Math.max(t.int8(S.deprecatedBuiltinCode), t.int32(S.builtinCode));
  if (code === 32) return `CUSTOM:${t.string(S.customCode) ?? ''}`;
  if (code === PLACEHOLDER_FOR_GREATER_OP_CODES) return 'BUILTIN_127';
  return BuiltinOperator[code] ?? `BUILTIN_${code}`;
}

function readTensor(t: FlatTable, index: number): TfliteTensor {
  const S = Slot.Tensor;
  const tensor: TfliteTensor = {
    index,
    name: t.string(S.name) ?? `tensor_${index}`,
    shape: t.int32s(S.shape),
    type: t.int8(S.type),
    buffer: t.uint32(S.buffer),
  };
  const q = t.table(S.quantization);
  if (q) {
    const Q = Slot.Quantization;
    const scale = q.float32s(Q.scale);
    if (scale.length > 0) {
      tensor.quantization = {
        scale,
        zeroPoint: q.int64s(Q.zeroPoint),
        quantizedDimension: q.int32(Q.quantizedDimension),
      };
    }
  }
  return tensor;
}

function readOperator(t: FlatTable, opNames: string[]): TfliteOperator {
  const S = Slot.Operator;
  const op = opNames[t.uint32(S.opcodeIndex)] ?? 'UNKNOWN';
  const o = t.table(S.builtinOptions);
  return { op, inputs: t.int32s(S.inputs), outputs: t.int32s(S.outputs), options: readOptions(op, o) };
}

function act(v: number): FusedActivation {
  const a = ActivationEnum[v];
  if (!a) throw new Error(`unknown fused activation ${v}`);
  return a;
}

function pad(v: number): Padding {
  const p = PaddingEnum[v];
  if (!p) throw new Error(`unknown padding ${v}`);
  return p;
}

function readOptions(op: string, o: FlatTable | undefined): TfliteOptions {
  // An absent options table means every field takes its schema default (0 / NONE / SAME), except the
  // defaults spelled out below (dilation 1, beta 1).
  const t = o ?? undefined;
  const int = (slot: number, def = 0): number => (t ? t.int32(slot, def) : def);
  const byte = (slot: number, def = 0): number => (t ? t.int8(slot, def) : def);
  switch (op) {
    case 'CONV_2D': {
      const S = Slot.Conv2DOptions;
      return {
        kind: 'conv',
        padding: pad(byte(S.padding)),
        strideW: int(S.strideW),
        strideH: int(S.strideH),
        activation: act(byte(S.activation)),
        dilationW: int(S.dilationW, 1),
        dilationH: int(S.dilationH, 1),
      };
    }
    case 'DEPTHWISE_CONV_2D': {
      const S = Slot.DepthwiseConv2DOptions;
      return {
        kind: 'depthwise',
        padding: pad(byte(S.padding)),
        strideW: int(S.strideW),
        strideH: int(S.strideH),
        depthMultiplier: int(S.depthMultiplier),
        activation: act(byte(S.activation)),
        dilationW: int(S.dilationW, 1),
        dilationH: int(S.dilationH, 1),
      };
    }
    case 'ADD':
      return { kind: 'add', activation: act(byte(Slot.AddOptions.activation)) };
    case 'AVERAGE_POOL_2D':
    case 'MAX_POOL_2D': {
      const S = Slot.Pool2DOptions;
      return {
        kind: 'pool',
        padding: pad(byte(S.padding)),
        strideW: int(S.strideW),
        strideH: int(S.strideH),
        filterW: int(S.filterWidth),
        filterH: int(S.filterHeight),
        activation: act(byte(S.activation)),
      };
    }
    case 'RESHAPE':
      return { kind: 'reshape', newShape: t ? t.int32s(Slot.ReshapeOptions.newShape) : [] };
    case 'SOFTMAX':
      return { kind: 'softmax', beta: t ? t.float32(Slot.SoftmaxOptions.beta, 0) : 1 };
    case 'FULLY_CONNECTED':
      return {
        kind: 'fully-connected',
        activation: act(byte(Slot.FullyConnectedOptions.activation)),
        keepNumDims: t ? t.bool(Slot.FullyConnectedOptions.keepNumDims) : false,
      };
    default:
      return { kind: 'none' };
  }
}
