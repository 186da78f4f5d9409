import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Builder } from 'flatbuffers';
import { describe, expect, it } from 'vitest';
import type { ConvLayer, DenseLayer, DepthwiseLayer } from './network-spec';
import { readTflite } from './read-tflite';
import { readNetworkSpec, saveNetworkSpec } from './spec-io';
import { Slot, TensorType } from './tflite-schema';
import { tfliteToSpec } from './tflite-to-spec';

interface TensorDef {
  shape: number[];
  type: number;
  buffer: number;
  scale?: number[];
  zeroPoint?: number[];
  dim?: number;
}
interface OpDef {
  code: number;
  inputs: number[];
  outputs: number[];
  optionsType: number;
  options: (b: Builder) => number;
}

/** Writes a TFLite flatbuffer with the same slot layout the reader expects (schema.fbs), from scratch. */
function buildTflite(
  codes: number[],
  tensors: TensorDef[],
  ops: OpDef[],
  buffers: Uint8Array[],
  io: [number, number],
): Uint8Array {
  const b = new Builder(4096);
  const vecI32 = (v: number[]): number => {
    b.startVector(4, v.length, 4);
    for (let i = v.length - 1; i >= 0; i--) b.addInt32(v[i]!);
    return b.endVector();
  };
  const vecF32 = (v: number[]): number => {
    b.startVector(4, v.length, 4);
    for (let i = v.length - 1; i >= 0; i--) b.addFloat32(v[i]!);
    return b.endVector();
  };
  const vecI64 = (v: number[]): number => {
    b.startVector(8, v.length, 8);
    for (let i = v.length - 1; i >= 0; i--) b.addInt64(BigInt(v[i]!));
    return b.endVector();
  };
  const vecTables = (offs: number[]): number => {
    b.startVector(4, offs.length, 4);
    for (let i = offs.length - 1; i >= 0; i--) b.addOffset(offs[i]!);
    return b.endVector();
  };
  const bufferOffs = buffers.map((data) => {
    const d = b.createByteVector(data);
    b.startObject(3);
    b.addFieldOffset(Slot.Buffer.data, d, 0);
    return b.endObject();
  });
  const tensorOffs = tensors.map((t, i) => {
    const name = b.createString(`t${i}`);
    const shape = vecI32(t.shape);
    let q = 0;
    if (t.scale) {
      const s = vecF32(t.scale);
      const z = vecI64(t.zeroPoint ?? t.scale.map(() => 0));
      b.startObject(7);
      b.addFieldOffset(Slot.Quantization.scale, s, 0);
      b.addFieldOffset(Slot.Quantization.zeroPoint, z, 0);
      b.addFieldInt32(Slot.Quantization.quantizedDimension, t.dim ?? 0, 0);
      q = b.endObject();
    }
    b.startObject(5);
    b.addFieldOffset(Slot.Tensor.shape, shape, 0);
    b.addFieldInt8(Slot.Tensor.type, t.type, 0);
    b.addFieldInt32(Slot.Tensor.buffer, t.buffer, 0);
    b.addFieldOffset(Slot.Tensor.name, name, 0);
    if (q) b.addFieldOffset(Slot.Tensor.quantization, q, 0);
    return b.endObject();
  });
  const opOffs = ops.map((op) => {
    const options = op.options(b);
    const ins = vecI32(op.inputs);
    const outs = vecI32(op.outputs);
    b.startObject(5);
    b.addFieldInt32(Slot.Operator.opcodeIndex, codes.indexOf(op.code), 0);
    b.addFieldOffset(Slot.Operator.inputs, ins, 0);
    b.addFieldOffset(Slot.Operator.outputs, outs, 0);
    b.addFieldInt8(Slot.Operator.builtinOptionsType, op.optionsType, 0);
    b.addFieldOffset(Slot.Operator.builtinOptions, options, 0);
    return b.endObject();
  });
  const codeOffs = codes.map((c) => {
    b.startObject(4);
    b.addFieldInt8(Slot.OperatorCode.deprecatedBuiltinCode, c, 0);
    b.addFieldInt32(Slot.OperatorCode.builtinCode, c, 0);
    return b.endObject();
  });
  const tv = vecTables(tensorOffs);
  const ov = vecTables(opOffs);
  const inputs = vecI32([io[0]]);
  const outputs = vecI32([io[1]]);
  b.startObject(5);
  b.addFieldOffset(Slot.SubGraph.tensors, tv, 0);
  b.addFieldOffset(Slot.SubGraph.inputs, inputs, 0);
  b.addFieldOffset(Slot.SubGraph.outputs, outputs, 0);
  b.addFieldOffset(Slot.SubGraph.operators, ov, 0);
  const sg = b.endObject();
  const codesV = vecTables(codeOffs);
  const sgV = vecTables([sg]);
  const bufV = vecTables(bufferOffs);
  b.startObject(5);
  b.addFieldInt32(Slot.Model.version, 3, 0);
  b.addFieldOffset(Slot.Model.operatorCodes, codesV, 0);
  b.addFieldOffset(Slot.Model.subgraphs, sgV, 0);
  b.addFieldOffset(Slot.Model.buffers, bufV, 0);
  b.finish(b.endObject(), 'TFL3');
  return b.asUint8Array();
}

const convOptions =
  (stride: number, act: number) =>
  (b: Builder): number => {
    b.startObject(6);
    b.addFieldInt8(Slot.Conv2DOptions.padding, 0, 1); // SAME (forced: 0 is the default)
    b.addFieldInt32(Slot.Conv2DOptions.strideW, stride, 0);
    b.addFieldInt32(Slot.Conv2DOptions.strideH, stride, 0);
    b.addFieldInt8(Slot.Conv2DOptions.activation, act, 0);
    return b.endObject();
  };

const int32Bytes = (v: number[]): Uint8Array => new Uint8Array(Int32Array.from(v).buffer);

/**
 * input [1,4,4,3] → conv 3×3 s2 (per-tensor uint8, ReLU6) → depthwise 3×3 (per-channel, ReLU6)
 * → 1×1 project (no activation) → 2×2 average pool → 1×1 classifier conv → reshape → softmax.
 */
function tinyTflite(): Uint8Array {
  const convW = Uint8Array.from({ length: 2 * 3 * 3 * 3 }, (_, i) => (i * 7) % 256);
  const dwW = Uint8Array.from({ length: 3 * 3 * 2 }, (_, i) => 10 + i);
  const projW = Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8);
  const clsW = Uint8Array.from({ length: 3 * 4 }, (_, i) => 128 + i);
  const U8 = TensorType.UINT8;
  const I32 = TensorType.INT32;
  const tensors: TensorDef[] = [
    { shape: [1, 4, 4, 3], type: U8, buffer: 0, scale: [1 / 128], zeroPoint: [128] }, // 0 input
    { shape: [2, 3, 3, 3], type: U8, buffer: 1, scale: [0.1], zeroPoint: [100] }, // 1 conv w
    { shape: [2], type: I32, buffer: 2, scale: [0.1 / 128] }, // 2 conv b
    { shape: [1, 2, 2, 2], type: U8, buffer: 0, scale: [6 / 255] }, // 3
    { shape: [1, 3, 3, 2], type: U8, buffer: 3, scale: [0.1, 0.2], zeroPoint: [10, 20], dim: 3 }, // 4 dw w
    { shape: [2], type: I32, buffer: 4, scale: [0.01, 0.02], dim: 0 }, // 5 dw b
    { shape: [1, 2, 2, 2], type: U8, buffer: 0, scale: [6 / 255] }, // 6
    { shape: [4, 1, 1, 2], type: U8, buffer: 5, scale: [0.5], zeroPoint: [0] }, // 7 proj w
    { shape: [1, 2, 2, 4], type: U8, buffer: 0, scale: [0.1], zeroPoint: [128] }, // 8 proj out (no bias)
    { shape: [1, 1, 1, 4], type: U8, buffer: 0, scale: [0.1], zeroPoint: [128] }, // 9 pooled
    { shape: [3, 1, 1, 4], type: U8, buffer: 6, scale: [0.01], zeroPoint: [128] }, // 10 cls w
    { shape: [3], type: I32, buffer: 7, scale: [0.001] }, // 11 cls b
    { shape: [1, 1, 1, 3], type: U8, buffer: 0, scale: [0.1], zeroPoint: [128] }, // 12
    { shape: [2], type: I32, buffer: 8 }, // 13 reshape shape
    { shape: [1, 3], type: U8, buffer: 0, scale: [0.1], zeroPoint: [128] }, // 14
    { shape: [1, 3], type: U8, buffer: 0, scale: [1 / 256] }, // 15 softmax
  ];
  const buffers = [
    new Uint8Array(0),
    convW,
    int32Bytes([5, -5]),
    dwW,
    int32Bytes([100, -100]),
    projW,
    clsW,
    int32Bytes([1, 2, 3]),
    int32Bytes([1, 3]),
  ];
  const ops: OpDef[] = [
    { code: 3, inputs: [0, 1, 2], outputs: [3], optionsType: 1, options: convOptions(2, 3) },
    {
      code: 4,
      inputs: [3, 4, 5],
      outputs: [6],
      optionsType: 2,
      options: (b) => {
        b.startObject(7);
        b.addFieldInt32(Slot.DepthwiseConv2DOptions.strideW, 1, 0);
        b.addFieldInt32(Slot.DepthwiseConv2DOptions.strideH, 1, 0);
        b.addFieldInt32(Slot.DepthwiseConv2DOptions.depthMultiplier, 1, 0);
        b.addFieldInt8(Slot.DepthwiseConv2DOptions.activation, 3, 0);
        return b.endObject();
      },
    },
    { code: 3, inputs: [6, 7, -1], outputs: [8], optionsType: 1, options: convOptions(1, 0) },
    {
      code: 1,
      inputs: [8],
      outputs: [9],
      optionsType: 5,
      options: (b) => {
        b.startObject(6);
        b.addFieldInt8(Slot.Pool2DOptions.padding, 1, 0);
        b.addFieldInt32(Slot.Pool2DOptions.strideW, 1, 0);
        b.addFieldInt32(Slot.Pool2DOptions.strideH, 1, 0);
        b.addFieldInt32(Slot.Pool2DOptions.filterWidth, 2, 0);
        b.addFieldInt32(Slot.Pool2DOptions.filterHeight, 2, 0);
        return b.endObject();
      },
    },
    { code: 3, inputs: [9, 10, 11], outputs: [12], optionsType: 1, options: convOptions(1, 0) },
    {
      code: 22,
      inputs: [12, 13],
      outputs: [14],
      optionsType: 17,
      options: (b) => (b.startObject(1), b.endObject()),
    },
    {
      code: 25,
      inputs: [14],
      outputs: [15],
      optionsType: 9,
      options: (b) => {
        b.startObject(1);
        b.addFieldFloat32(Slot.SoftmaxOptions.beta, 1, 0);
        return b.endObject();
      },
    },
  ];
  return buildTflite([3, 4, 1, 22, 25], tensors, ops, buffers, [0, 15]);
}

describe('readTflite + tfliteToSpec on a synthetic flatbuffer', () => {
  const spec = tfliteToSpec(readTflite(tinyTflite()), 'tiny');
  const [conv, dw, proj, pool, cls] = spec.layers as [
    ConvLayer,
    DepthwiseLayer,
    ConvLayer,
    unknown,
    DenseLayer,
  ];

  it('recovers the layer structure, activations and classifier', () => {
    expect(spec.layers.map((l) => `${l.kind}:${l.name}`)).toEqual([
      'conv:stem/conv',
      'depthwise:block_1/depthwise',
      'conv:block_1/project',
      'global-avg-pool:pool/global_avg',
      'dense:classifier/dense',
    ]);
    expect([conv.stride, conv.padding, conv.activation, dw.activation, proj.activation]).toEqual([
      2,
      'SAME',
      'relu6',
      'relu6',
      'none',
    ]);
    expect(spec).toMatchObject({
      inputSize: 4,
      features: 'pool/global_avg',
      featureSize: 4,
      logits: 'classifier/dense',
      numClasses: 3,
    });
    expect(pool).toMatchObject({ input: 'block_1/project' });
  });

  it('dequantises and transposes conv weights [out,kh,kw,in] → [kh,kw,in,out]', () => {
    expect(conv.filterShape).toEqual([3, 3, 3, 2]);
    // TFLite element (o=1, h=2, w=0, i=1) has flat index ((1*3+2)*3+0)*3+1 = 46, q = 46*7 % 256 = 66.
    const tfjsIndex = ((2 * 3 + 0) * 3 + 1) * 2 + 1;
    expect(conv.filter[tfjsIndex]).toBeCloseTo(0.1 * (66 - 100), 5);
    expect(Array.from(conv.bias)).toEqual([5 * (0.1 / 128), -5 * (0.1 / 128)].map((v) => Math.fround(v)));
  });

  it('applies per-channel scales and zero points along quantized_dimension', () => {
    expect(dw.filterShape).toEqual([3, 3, 2, 1]);
    // Element i has channel i % 2: channel 0 → 0.1*(q-10), channel 1 → 0.2*(q-20).
    expect(dw.filter[4]).toBeCloseTo(0.1 * (14 - 10), 5);
    expect(dw.filter[5]).toBeCloseTo(0.2 * (15 - 20), 5);
    expect(dw.bias[0]).toBeCloseTo(1, 5);
    expect(dw.bias[1]).toBeCloseTo(-2, 5);
  });

  it('gives a missing bias as zeros and turns the 1×1 classifier conv into a dense [in, out] kernel', () => {
    expect(Array.from(proj.bias)).toEqual([0, 0, 0, 0]);
    expect(cls.kernelShape).toEqual([4, 3]);
    // TFLite (o=2, i=1) = flat 2*4+1 = 9, q = 137 → kernel[1][2].
    expect(cls.kernel[1 * 3 + 2]).toBeCloseTo(0.01 * 9, 5);
  });

  it('marks the stem and blocks 1–2 as high-resolution (frozen) layers', () => {
    expect(spec.layers.map((l) => l.highRes)).toEqual([true, true, true, false, false]);
  });

  it('rejects a file that is not TFLite', () => {
    expect(() => readTflite(new Uint8Array(64))).toThrow(/TFL3/);
  });

  it('round-trips through saveNetworkSpec / readNetworkSpec', () => {
    const dir = mkdtempSync(join(tmpdir(), 'naevus-spec-'));
    try {
      saveNetworkSpec(spec, join(dir, 'tiny'));
      const back = readNetworkSpec(join(dir, 'tiny'));
      expect(back).toEqual(spec);
      expect((back.layers[0] as ConvLayer).filter).toBeInstanceOf(Float32Array);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
