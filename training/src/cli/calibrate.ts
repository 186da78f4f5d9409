/**
 * npm run calibrate -- [--model <model dir>] [--data <folder>] [--write]
 *
 * Calibration stage on its own: runs the model over the valid split, fits Platt scaling, picks the screening
 * threshold (valid sensitivity ≥ 0.90) and the inconclusive band, prints them, and with --write stores them
 * (with metrics.valid) in the model's metadata.json. Never looks at the test split.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import type { ModelMetadata } from '../../../src/shared/model/model-metadata';
import { calibrateOnValid } from '../calibration/calibrate-on-valid';
import { evaluateSavedModel } from '../evaluate/evaluate-saved-model';
import { readModelMetadata } from '../evaluate/read-model-metadata';
import { requireOutputPath } from './check-output-path';
import { exitOnError, failWithUsage, parseOptionsOrExit } from './cli-error';
import { defaultPaths, userPath } from './repo-paths';

const USAGE =
  'usage: npm run calibrate -- [--model <model dir>] [--data <folder with a valid split>] [--write]';

async function main() {
  const values = parseOptionsOrExit(
    {
      model: { type: 'string' },
      data: { type: 'string' },
      write: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  );
  const modelDir = values.model ? userPath(values.model) : defaultPaths.modelOut;
  const data = values.data ? userPath(values.data) : defaultPaths.seedData;
  if (!existsSync(join(modelDir, 'model.json')))
    failWithUsage(`--model ${modelDir} has no model.json`, USAGE);
  if (!existsSync(data)) failWithUsage(`--data ${data} does not exist`, USAGE);
  if (values.write) requireOutputPath('--write', join(modelDir, 'metadata.json'), 'file', USAGE);

  await tf.setBackend('wasm');
  const metadata = readModelMetadata(modelDir);
  const result = await evaluateSavedModel({
    dataRoot: data,
    metadata,
    modelDir,
    split: 'valid',
    progressLabel: 'valid split',
  });
  const fit = calibrateOnValid(
    result.images.map((i) => i.logit),
    result.images.map((i) => (i.label === 'dangerous' ? 1 : 0)),
  );
  const v = fit.valid;
  process.stdout.write(
    [
      `valid split: ${v.n} images, AUC ${v.auc.toFixed(3)} (95% CI ${v.ci95?.auc?.map((x) => x.toFixed(3)).join('–')})`,
      `Platt: a ${fit.calibration.a.toFixed(4)}, b ${fit.calibration.b.toFixed(4)}; ECE ${v.ece.toFixed(3)}`,
      `threshold ${fit.threshold.toFixed(4)}: sensitivity ${(100 * v.sensitivity).toFixed(1)}%, ` +
        `specificity ${(100 * v.specificity).toFixed(1)}%, balanced accuracy ${(100 * v.balancedAccuracy).toFixed(1)}%`,
      `inconclusive band [${fit.inconclusiveBand.map((x) => x.toFixed(4)).join(', ')}): ` +
        `${(100 * fit.inconclusiveShare).toFixed(1)}% of valid images`,
    ].join('\n') + '\n',
  );
  if (values.write) {
    const path = join(modelDir, 'metadata.json');
    const current = JSON.parse(readFileSync(path, 'utf8')) as ModelMetadata;
    const next: ModelMetadata = {
      ...current,
      calibration: fit.calibration,
      threshold: fit.threshold,
      inconclusiveBand: fit.inconclusiveBand,
      metrics: { ...current.metrics, valid: fit.valid },
    };
    writeFileSync(path, `${JSON.stringify(next, null, 2)}\n`);
    process.stderr.write(`updated ${path}\n`);
  }
}

main().catch(exitOnError);
