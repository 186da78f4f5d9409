/**
 * npm run train -- --data <dir> --out public/model [--quick] [--resume] [--run <name>] [--from-run <name>] …
 *
 * The whole pipeline: dataset → base network → (quick: cached features + logistic head | full: fine-tune
 * stage | --from-run: a finished fine-tune run) → quantisation variants measured on valid → Platt calibration,
 * threshold and inconclusive band on valid → domain guard → model folder → test split measured last.
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { DEFAULT_LABEL_CONFIG, loadLabelConfig, type LabelConfig } from '../dataset/label-config';
import { formatPipelineSummary } from '../pipeline/format-pipeline-summary';
import type { PipelineMode } from '../pipeline/pipeline-options';
import { runPipeline } from '../pipeline/run-pipeline';
import { warmFeatureCache } from '../pipeline/warm-feature-cache';
import { BadArgumentError, parseFineTuneArguments } from '../fine-tune/fine-tune-arguments';
import { fineTunedRunProblem } from './check-fine-tuned-run';
import { requireOutputPath } from './check-output-path';
import { exitOnError, failWithUsage, parseOptionsOrExit } from './cli-error';
import { defaultPaths, userPath } from './repo-paths';

/** The shipped model's recipe on top of the fine-tune stage's defaults (10 epochs, batch 16, seed 1, …). */
const SHIPPED_RECIPE = '--probe-head --head-lr 1e-4 --size 192 --epochs 20';

const USAGE = `usage: npm run train -- [--data <dir>] [--out <model dir>] [--quick | --from-run <name>] [--run <name>] [--resume]
                       [--base <file.tflite>] [--labels <labels.json>] [--cache <dir>] [--shared <dir>] [--no-augment] [--features-only]
                       [--fine-tune-args="--epochs 10 --batch 16 …"]
  --data      folder of class folders (default ${defaultPaths.seedData})
  --shared    shared data root; its ISIC 2017 fit half joins the guard fit (default ${defaultPaths.shared})
  --out       model folder to write (default ${defaultPaths.modelOut})
  --quick     frozen features (cached) + logistic head instead of fine-tuning: minutes, seconds when cached
  --from-run  export the best epoch of training/runs/<name> (a fine-tune run) without training
  --run       run folder under training/runs for reports (default: quick, fine-tune, or <from-run>-export)
  --features-only  only fill the embedding cache (base-network features of train, valid, brightness copy)
  --resume    full mode: continue the fine-tune run from its last checkpoint
  --fine-tune-args  full mode: options passed on to the fine-tune stage (npm run fine-tune -- --help);
              default "${SHIPPED_RECIPE}", the recipe of the committed model`;

function parse() {
  const values = parseOptionsOrExit(
    {
      data: { type: 'string' },
      out: { type: 'string' },
      quick: { type: 'boolean', default: false },
      resume: { type: 'boolean', default: false },
      run: { type: 'string' },
      'from-run': { type: 'string' },
      base: { type: 'string' },
      labels: { type: 'string' },
      cache: { type: 'string' },
      shared: { type: 'string' },
      'no-augment': { type: 'boolean', default: false },
      'features-only': { type: 'boolean', default: false },
      'fine-tune-args': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    USAGE,
  );
  const fromRun = values['from-run'];
  if (values.quick && fromRun !== undefined)
    failWithUsage('--quick and --from-run exclude each other', USAGE);
  if (values.resume && (values.quick || fromRun !== undefined))
    failWithUsage('--resume applies to full (fine-tune) mode only', USAGE);
  for (const [flag, name] of [
    ['--run', values.run],
    ['--from-run', fromRun],
  ] as const) {
    if (name !== undefined && !/^[\w.-]+$/.test(name))
      failWithUsage(`${flag} must be a plain folder name, got "${name}"`, USAGE);
  }
  const mode: PipelineMode = values.quick ? 'quick' : fromRun !== undefined ? 'from-run' : 'full';
  const data = values.data ? userPath(values.data) : defaultPaths.seedData;
  if (!existsSync(data) || !statSync(data).isDirectory())
    failWithUsage(`--data ${data} is not a folder`, USAGE);
  const base = values.base ? userPath(values.base) : defaultPaths.baseTflite;
  if (!existsSync(base)) failWithUsage(`--base ${base} does not exist`, USAGE);
  if (fromRun !== undefined) {
    const problem = fineTunedRunProblem(defaultPaths.runs, fromRun);
    if (problem) failWithUsage(`--from-run: ${problem}`, USAGE);
  }
  let labels: LabelConfig = DEFAULT_LABEL_CONFIG;
  if (values.labels) {
    try {
      labels = loadLabelConfig(userPath(values.labels));
    } catch (error) {
      failWithUsage(`--labels: ${error instanceof Error ? error.message : String(error)}`, USAGE);
    }
  }
  const fineTuneArgs = (values['fine-tune-args'] ?? SHIPPED_RECIPE).split(/\s+/).filter(Boolean);
  if (values['fine-tune-args'] !== undefined && mode !== 'full')
    failWithUsage('--fine-tune-args applies to full (fine-tune) mode only', USAGE);
  if (fineTuneArgs.some((a) => ['--data', '--base', '--run', '--resume', '--cache'].includes(a))) {
    failWithUsage(
      '--fine-tune-args must not set --data, --base, --run, --resume or --cache (use the train options)',
      USAGE,
    );
  }
  // Checked now with the fine-tune stage's own parser, not after the dataset and base-network stages.
  try {
    if (parseFineTuneArguments(fineTuneArgs).help)
      failWithUsage('--fine-tune-args: --help is not a training option (npm run fine-tune -- --help)', USAGE);
  } catch (error) {
    if (error instanceof BadArgumentError) failWithUsage(`--fine-tune-args: ${error.message}`, USAGE);
    throw error;
  }
  const out = values.out ? userPath(values.out) : defaultPaths.modelOut;
  const run =
    values.run ?? (mode === 'quick' ? 'quick' : mode === 'from-run' ? `${fromRun!}-export` : 'fine-tune');
  const cacheDir = values.cache ? userPath(values.cache) : defaultPaths.cache;
  // Every place the run writes, checked before hours of work rather than at the end of them.
  requireOutputPath('--cache', cacheDir, 'folder', USAGE);
  if (!values['features-only']) {
    requireOutputPath('--out', out, 'folder', USAGE);
    requireOutputPath('--run', join(defaultPaths.runs, run), 'folder', USAGE);
  }
  return {
    mode,
    data,
    base,
    labels,
    out,
    run,
    ...(fromRun !== undefined ? { fromRun } : {}),
    resume: values.resume ?? false,
    cacheDir,
    shared: values.shared ? userPath(values.shared) : defaultPaths.shared,
    augment: !values['no-augment'],
    featuresOnly: values['features-only'] ?? false,
    fineTuneArgs,
  };
}

async function main() {
  const args = parse();
  await tf.setBackend('wasm');
  if (args.featuresOnly) {
    const r = await warmFeatureCache(args);
    process.stdout.write(
      `embedding cache ${join(args.cacheDir, 'features')}: ${r.images} vectors, ${r.computed} computed ` +
        `(${(r.computed / Math.max(r.seconds, 1e-9)).toFixed(1)} images/s), ${r.images - r.computed - r.failed.length} from cache, ` +
        `${r.failed.length} failed to decode; ${r.seconds.toFixed(1)} s\n`,
    );
    for (const f of r.failed) process.stdout.write(`  skipped ${f.relPath}: ${f.reason}\n`);
    return;
  }
  const report = await runPipeline({ ...args, runsDir: defaultPaths.runs });
  const summary = formatPipelineSummary(report);
  writeFileSync(join(report.runDir, 'pipeline-summary.txt'), `${summary}\n`);
  process.stdout.write(`${summary}\n`);
}

main().catch(exitOnError);
