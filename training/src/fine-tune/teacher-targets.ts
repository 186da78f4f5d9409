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
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { loadBaseNetwork } from '../base-model/load-base-network';
import { requireRunInputs } from '../cli/require-run-inputs';
import { requireOutputPath } from '../cli/check-output-path';
import { exitOnError, failWithUsage, parseCommandLineOrExit } from '../cli/cli-error';
import { defaultPaths, userPath } from '../cli/repo-paths';
import { buildDataset } from '../dataset/build-dataset';
import { cachedOutputs } from '../features/cached-outputs';
import { hashedModel } from '../features/feature-network';
import { GRAPH_OUTPUTS } from '../graph-model/build-graph-model';
import { loadFineTuned } from './best-model';
import type { SoftTargets } from './soft-targets';

const USAGE = `usage: npx tsx training/src/fine-tune/teacher-targets.ts --out <file.json> [--data <dir>] [--base <file.tflite>] <run> [<run> …]
  <run>  a folder under training/runs/ with best/{model.json, params.bin} (a finished fine-tune run)`;

async function main(): Promise<void> {
  const { values, positionals } = parseCommandLineOrExit(
    {
      out: { type: 'string' },
      data: { type: 'string', default: defaultPaths.seedData },
      base: { type: 'string', default: defaultPaths.baseTflite },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  );
  if (!values.out) failWithUsage('--out is required', USAGE);
  // Everything the work depends on is checked first: the targets take minutes per teacher to compute.
  const outPath = userPath(values.out);
  requireOutputPath('--out', outPath, 'file', USAGE);
  const { dataDir, basePath } = requireRunInputs(values, positionals, USAGE);
  await tf.setBackend('wasm');
  const { manifest } = await buildDataset(dataDir);
  const train = manifest.filter((m) => m.split === 'train');
  const base = loadBaseNetwork(basePath);
  const sums = new Float64Array(train.length);
  // An image that does not decode gets no target; the fine-tune stage leaves it out for the same reason.
  const failedImages = new Map<number, string>();
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
    for (const f of failed) failedImages.set(f.index, f.reason);
    logits.forEach((v, i) => (sums[i] = sums[i]! + (v?.[0] ?? 0)));
  }
  for (const [i, reason] of failedImages) process.stderr.write(`skipped ${train[i]!.relPath}: ${reason}\n`);
  const targets: Record<string, number> = {};
  train.forEach((m, i) => {
    if (!failedImages.has(i)) targets[m.sha256] = 1 / (1 + Math.exp(-sums[i]! / positionals.length));
  });
  const out: SoftTargets = { teachers: positionals, targets };
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(outPath, JSON.stringify(out));
  const scored = train.filter((m) => targets[m.sha256] !== undefined);
  const agree = scored.filter((m) => targets[m.sha256]! > 0.5 === (m.label === 'dangerous')).length;
  process.stdout.write(
    `${scored.length} targets from ${positionals.length} teachers (${failedImages.size} images skipped); teachers agree with the label on ${agree} (${((100 * agree) / Math.max(scored.length, 1)).toFixed(1)}%)\n`,
  );
}

main().catch(exitOnError);
