/**
 * `npx tsx training/src/fine-tune/check-export-parity.ts <run> [n] [data dir]`: builds a graph model from the
 * run's best/network.{json,bin} + head.json and checks that its logits on the first n valid images match the
 * per-image logits the training loop recorded (best/valid-logits.json). Proves the hand-over to export.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { toModelInput } from '../../../src/shared/preprocess/model-input';
import { readNetworkSpec } from '../base-model/spec-io';
import { defaultPaths, userPath } from '../cli/repo-paths';
import { loadImage } from '../dataset/load-image';
import { buildGraphModel } from '../graph-model/build-graph-model';
import { loadGraphModelFromArtifacts } from '../graph-model/load-in-memory';
import type { BestModelInfo, ValidLogit } from './best-model';

const [run = 'fine-tune', count = '8', data] = process.argv.slice(2);
const dir = join(resolve(defaultPaths.runs, run), 'best');
const dataDir = data ? userPath(data) : defaultPaths.seedData;
await tf.setBackend('wasm');
const info = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as BestModelInfo;
const head = JSON.parse(readFileSync(join(dir, 'head.json'), 'utf8')) as { weights: number[]; bias: number };
const model = await loadGraphModelFromArtifacts(
  buildGraphModel(readNetworkSpec(join(dir, 'network')), {
    head: { weights: Float32Array.from(head.weights), bias: head.bias },
  }),
);
const recorded = JSON.parse(readFileSync(join(dir, 'valid-logits.json'), 'utf8')) as ValidLogit[];
let maxDiff = 0;
for (const r of recorded.slice(0, Number(count))) {
  const image = await loadImage(join(dataDir, r.relPath));
  const z = tf.tidy(
    () =>
      (
        model.execute(
          tf.tensor4d(toModelInput(image, info.input), [1, info.input.size, info.input.size, 3]),
          'logit',
        ) as tf.Tensor
      ).dataSync()[0]!,
  );
  maxDiff = Math.max(maxDiff, Math.abs(z - r.logit));
}
process.stdout.write(
  `epoch ${info.epoch}: max |graph-model logit − training logit| = ${maxDiff.toExponential(2)}\n`,
);
process.exitCode = maxDiff < 1e-3 ? 0 : 1;
