import { readFileSync } from 'node:fs';
import type { NetworkSpec } from './network-spec';
import { readTflite } from './read-tflite';
import { tfliteToSpec } from './tflite-to-spec';

/**
 * The float base network from the quantised MobileNetV2 .tflite. Parsing and dequantising take well under a
 * second, so there is no cache: the .tflite stays the single source of truth.
 */
export function loadBaseNetwork(tflitePath: string): NetworkSpec {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(tflitePath));
  } catch (e) {
    throw new Error(`cannot read base model ${tflitePath}: ${(e as Error).message}`);
  }
  return tfliteToSpec(readTflite(bytes), 'mobilenet_v2_1.0_224');
}
