/**
 * npm run -w training isic-check -- [--isic <dir>] [--model <model dir>] [--every <k>] [--json <out.json>]
 *
 * Out-of-domain check of a model on ISIC 2017 dermoscopy (melanoma vs benign; see isic-melanoma-check.ts for
 * what the figures can and cannot say). Never used to choose or tune a model.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { readModelMetadata } from '../evaluate/read-model-metadata';
import { writeMetadata } from '../export/write-model-dir';
import {
  everyKth,
  isicMelanomaCheck,
  readIsicLabels,
  toOutOfDomainMetadata,
  type LevelSharesWithCi,
} from '../external/isic-melanoma-check';
import { requireOutputPath } from './check-output-path';
import { exitOnError, failWithUsage, parseOptionsOrExit } from './cli-error';
import { progressBar } from './progress-bar';
import { defaultPaths, userPath } from './repo-paths';

const USAGE = `usage: npm run -w training isic-check -- [--isic <dir>] [--model <model dir>] [--every <k>] [--json <out.json>]
  --isic   folder with labels.csv and images/ (default ${defaultPaths.isic})
  --model  folder with model.json and metadata.json (default ${defaultPaths.modelOut})
  --every  use every k-th image only (default 1: all)
  --write-metadata  record the figures as outOfDomain in the model's metadata.json (model card); all images only`;

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const levels = (s: LevelSharesWithCi) =>
  `high ${pct(s.high)}, inconclusive ${pct(s.inconclusive)}, low ${pct(s.low)} (95% CI ${pct(s.lowCi95[0])}–${pct(s.lowCi95[1])})`;

async function main(): Promise<void> {
  const values = parseOptionsOrExit(
    {
      isic: { type: 'string' },
      model: { type: 'string' },
      every: { type: 'string' },
      json: { type: 'string' },
      'write-metadata': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  );
  const isicDir = values.isic ? userPath(values.isic) : defaultPaths.isic;
  const modelDir = values.model ? userPath(values.model) : defaultPaths.modelOut;
  if (!existsSync(join(isicDir, 'labels.csv'))) failWithUsage(`--isic ${isicDir} has no labels.csv`, USAGE);
  for (const file of ['model.json', 'metadata.json']) {
    if (!existsSync(join(modelDir, file))) failWithUsage(`--model ${modelDir} has no ${file}`, USAGE);
  }
  const every = values.every === undefined ? 1 : Number(values.every);
  if (!Number.isInteger(every) || every < 1) failWithUsage('--every must be a whole number ≥ 1', USAGE);
  if (values['write-metadata'] && every !== 1)
    failWithUsage('--write-metadata records the whole set only; drop --every', USAGE);
  let images;
  try {
    images = everyKth(readIsicLabels(isicDir), every);
  } catch (error) {
    failWithUsage(error instanceof Error ? error.message : String(error), USAGE);
  }
  // Checked before ~2,000 images are scored, so the figures are never lost to a bad path at the end.
  const json = values.json ? userPath(values.json) : null;
  if (json) requireOutputPath('--json', json, 'file', USAGE);
  if (values['write-metadata'])
    requireOutputPath('--write-metadata', join(modelDir, 'metadata.json'), 'file', USAGE);
  // A damaged model folder is found now, in plain words, not after the images are read.
  const metadata = readModelMetadata(modelDir);
  await tf.setBackend('wasm');
  const bar = progressBar('ISIC 2017 images', images.length);
  let reported = 0;
  const result = await isicMelanomaCheck({
    modelDir,
    isicDir,
    images,
    onProgress: (done) => {
      bar.tick(done - reported);
      reported = done;
    },
  });
  bar.done();
  process.stdout.write(
    `model ${result.modelVersion} on ISIC 2017 (${result.melanoma.n} melanomas, ${result.benign.n} benign; ` +
      `${result.skipped.length} skipped)\n` +
      `melanoma vs benign AUC ${result.auc.toFixed(3)} (95% CI ${result.aucCi95[0].toFixed(3)}–${result.aucCi95[1].toFixed(3)})\n` +
      `melanomas: ${levels(result.melanoma)}\n` +
      `benign (includes dysplastic nevi, "dangerous" in our labels): ${levels(result.benign)}\n`,
  );
  if (values['write-metadata']) {
    writeMetadata({ ...metadata, outOfDomain: toOutOfDomainMetadata(result) }, modelDir);
    process.stdout.write(`recorded in ${join(modelDir, 'metadata.json')}\n`);
  }
  if (json) {
    mkdirSync(dirname(json), { recursive: true });
    writeFileSync(json, JSON.stringify(result, null, 1));
  }
}

main().catch(exitOnError);
