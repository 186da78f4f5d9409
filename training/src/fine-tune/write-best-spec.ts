import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBaseNetwork } from '../base-model/load-base-network';
import { saveNetworkSpec } from '../base-model/spec-io';
import { loadFineTuned } from './best-model';

/**
 * Converts a run's best/{model.json, params.bin} into what the export stage consumes directly:
 * best/network.{json,bin} (the fine-tuned feature extractor, base-model/spec-io format) and best/head.json
 * ({ weights: number[1280], bias }) for buildGraphModel(spec, { head }).
 */
export function writeBestSpec(runDir: string, tflitePath: string): { spec: string; head: string } {
  const { spec, head } = loadFineTuned(runDir, loadBaseNetwork(tflitePath));
  const files = saveNetworkSpec(spec, join(runDir, 'best', 'network'));
  const headPath = join(runDir, 'best', 'head.json');
  writeFileSync(headPath, JSON.stringify({ weights: Array.from(head.weights), bias: head.bias }));
  return { spec: files.json, head: headPath };
}
