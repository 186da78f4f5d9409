/**
 * npm run evaluate -- --data <folder of class folders> --model <model dir> --json <out.json> [--html <out.html>]
 *                     [--split test|valid|train|all] [--labels <labels.json>] [--batch <n>]
 *
 * Runs the graph model (wasm backend) over any folder of class folders, measures it at the model's shipped
 * threshold with 95% intervals, and writes JSON (+ an HTML report for non-specialists).
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { DEFAULT_LABEL_CONFIG, loadLabelConfig, type SplitName } from '../dataset/label-config';
import { evaluateSavedModel } from '../evaluate/evaluate-saved-model';
import { formatSummary } from '../evaluate/format-summary';
import { htmlReport } from '../evaluate/html-report';
import { readModelMetadata } from '../evaluate/read-model-metadata';
import { requireOutputPath } from './check-output-path';
import { exitOnError, failWithUsage, parseOptionsOrExit } from './cli-error';
import { defaultPaths, userPath } from './repo-paths';

const USAGE = `usage: npm run evaluate -- [--data <folder>] [--model <model dir>] [--json <out.json>] [--html <out.html>]
                          [--split test|valid|train|all] [--labels <labels.json>] [--batch <n>]
  --data   folder of class folders (default ${defaultPaths.seedData})
  --model  folder with model.json, weight shards and metadata.json (default ${defaultPaths.modelOut})
  --split  default: test if the folder has train/valid/test folders, else all images`;

const SPLITS = ['train', 'valid', 'test', 'all'] as const;

function parse() {
  const values = parseOptionsOrExit(
    {
      data: { type: 'string' },
      model: { type: 'string' },
      json: { type: 'string' },
      html: { type: 'string' },
      split: { type: 'string' },
      labels: { type: 'string' },
      batch: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  );
  const data = values.data ? userPath(values.data) : defaultPaths.seedData;
  if (!existsSync(data) || !statSync(data).isDirectory())
    failWithUsage(`--data ${data} is not a folder`, USAGE);
  const model = values.model ? userPath(values.model) : defaultPaths.modelOut;
  for (const file of ['model.json', 'metadata.json']) {
    if (!existsSync(join(model, file))) failWithUsage(`--model ${model} has no ${file}`, USAGE);
  }
  const split = values.split as SplitName | 'all' | undefined;
  if (split !== undefined && !SPLITS.includes(split)) {
    failWithUsage(`--split must be one of ${SPLITS.join(', ')}, got "${values.split}"`, USAGE);
  }
  const batch = values.batch === undefined ? 8 : Number(values.batch);
  if (!Number.isInteger(batch) || batch < 1 || batch > 64)
    failWithUsage('--batch must be an integer 1–64', USAGE);
  let config = DEFAULT_LABEL_CONFIG;
  if (values.labels) {
    try {
      config = loadLabelConfig(userPath(values.labels));
    } catch (error) {
      failWithUsage(`--labels: ${error instanceof Error ? error.message : String(error)}`, USAGE);
    }
  }
  const json = values.json ? userPath(values.json) : null;
  const html = values.html ? userPath(values.html) : null;
  // Checked before the evaluation, so its results are never lost to a bad path at the end.
  if (json) requireOutputPath('--json', json, 'file', USAGE);
  if (html) requireOutputPath('--html', html, 'file', USAGE);
  return { data, model, split, batch, config, json, html };
}

async function main() {
  const args = parse();
  await tf.setBackend('wasm');
  const metadata = readModelMetadata(args.model);
  const result = await evaluateSavedModel({
    dataRoot: args.data,
    metadata,
    modelDir: args.model,
    config: args.config,
    batchSize: args.batch,
    ...(args.split ? { split: args.split } : {}),
    progressLabel: 'evaluating',
  });
  process.stdout.write(`${formatSummary(result)}\n`);
  const write = (path: string, text: string) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    process.stderr.write(`wrote ${path}\n`);
  };
  if (args.json) write(args.json, `${JSON.stringify(result, null, 2)}\n`);
  if (args.html) write(args.html, htmlReport(result));
}

main().catch(exitOnError);
