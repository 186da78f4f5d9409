/**
 * Soft training targets for self-distillation: the mean logit of several finished runs ("teachers") on each
 * train image, as a probability. The seed labels are clinical and noisy (most "dangerous" images are dysplastic
 * nevi, told from ordinary nevi by eye); a target that mixes the label with what an ensemble of networks sees
 * softens the labels the networks cannot reconcile with the image. Reads the train split only.
 *
 *   npx tsx training/src/fine-tune/teacher-targets.ts --out <file.json> <run> [<run> …]
 *
 * Output: { teachers, targets: { <image sha256>: probability } }, for `fine-tune --soft-targets`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { loadBaseNetwork } from '../base-model/load-base-network';
import { failWithUsage } from '../cli/cli-error';
import { defaultPaths, userPath } from '../cli/repo-paths';
import { buildDataset } from '../dataset/build-dataset';
import { cachedOutputs } from '../features/cached-outputs';
import { hashedModel } from '../features/feature-network';
import { GRAPH_OUTPUTS } from '../graph-model/build-graph-model';
import { loadFineTuned } from './best-model';
import type { SoftTargets } from './soft-targets';

const USAGE = `usage: npx tsx training/src/fine-tune/teacher-targets.ts --out <file.json> [--data <dir>] [--base <file.tflite>] <run> [<run> …]`;

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        out: { type: 'string' },
        data: { type: 'string', default: defaultPaths.seedData },
        base: { type: 'string', default: defaultPaths.baseTflite },
      },
      allowPositionals: true,
    });
  } catch (error) {
    failWithUsage(error instanceof Error ? error.message : String(error), USAGE);
  }
  const { values, positionals } = parsed;
  if (!values.out) failWithUsage('--out is required', USAGE);
  if (positionals.length === 0) failWithUsage('name at least one run', USAGE);
  await tf.setBackend('wasm');
  const { manifest } = await buildDataset(userPath(values.data));
  const train = manifest.filter((m) => m.split === 'train');
  const base = loadBaseNetwork(userPath(values.base));
  const sums = new Float64Array(train.length);
  for (const run of positionals) {
    const { spec, head, info } = loadFineTuned(join(defaultPaths.runs, run), base);
    const model = hashedModel(spec, { head });
    const { values: logits, failed } = await cachedOutputs(train, {
      model: model.load,
      modelHash: model.hash,
      output: GRAPH_OUTPUTS.logit,
      input: info.input,
      cacheDir: defaultPaths.cache,
      label: `teacher ${run}`,
    });
    model.loaded()?.dispose();
    if (failed.length > 0) throw new Error(`${run}: ${failed.length} train images failed to decode`);
    logits.forEach((v, i) => (sums[i] = sums[i]! + v![0]!));
  }
  const targets: Record<string, number> = {};
  train.forEach((m, i) => (targets[m.sha256] = 1 / (1 + Math.exp(-sums[i]! / positionals.length))));
  const out: SoftTargets = { teachers: positionals, targets };
  writeFileSync(userPath(values.out), JSON.stringify(out));
  const agree = train.filter((m) => targets[m.sha256]! > 0.5 === (m.label === 'dangerous')).length;
  process.stdout.write(
    `${train.length} targets from ${positionals.length} teachers; teachers agree with the label on ${agree} (${((100 * agree) / train.length).toFixed(1)}%)\n`,
  );
}

await main();
