/**
 * npm run convert-base -- [--tflite <file>] [--out <dir>] [--dtype float32|float16|uint8] [--placeholder-app]
 *
 * Converts the quantised MobileNetV2 .tflite into a float tfjs graph model.
 * - default: the plain base network (outputs `features`, `imagenet_logits`) into training/cache/base-model,
 *   then prints the top-1 ImageNet label of each test image next to the .tflite as a conversion check.
 * - --placeholder-app: base network + all-zero head (outputs `features`, `logit`) + metadata.json into
 *   public/model (float16 by default), for the app until the trained model is exported.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { baseModelProvenance } from '../base-model/base-model-provenance';
import { loadBaseNetwork } from '../base-model/load-base-network';
import type { WeightDtype } from '../graph-model/encode-weights';
import { imagenetTop1 } from '../graph-model/imagenet-top1';
import { loadGraphModelFromDir } from '../graph-model/node-io';
import { placeholderMetadata } from '../graph-model/placeholder-metadata';
import { writeGraphModel } from '../graph-model/write-graph-model';
import { requireOutputPath } from './check-output-path';
import { exitOnError, failWithUsage, parseOptionsOrExit } from './cli-error';
import { defaultPaths, userPath } from './repo-paths';

const USAGE =
  'usage: npm run convert-base -- [--tflite <file.tflite>] [--out <dir>] [--dtype float32|float16|uint8] [--placeholder-app]';
const DTYPES: WeightDtype[] = ['float32', 'float16', 'uint8'];

function parse(): { tflite: string; out: string; dtype: WeightDtype; placeholderApp: boolean } {
  const values = parseOptionsOrExit(
    {
      tflite: { type: 'string' },
      out: { type: 'string' },
      dtype: { type: 'string' },
      'placeholder-app': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  );
  const placeholderApp = values['placeholder-app'] ?? false;
  const dtype = (values.dtype ?? (placeholderApp ? 'float16' : 'float32')) as WeightDtype;
  if (!DTYPES.includes(dtype)) failWithUsage(`--dtype must be one of ${DTYPES.join(', ')}`, USAGE);
  const tflite = values.tflite ? userPath(values.tflite) : defaultPaths.baseTflite;
  if (!existsSync(tflite)) failWithUsage(`TFLite file not found: ${tflite}`, USAGE);
  const out = values.out
    ? userPath(values.out)
    : placeholderApp
      ? defaultPaths.modelOut
      : join(defaultPaths.cache, 'base-model');
  requireOutputPath('--out', out, 'folder', USAGE);
  return { tflite, out, dtype, placeholderApp };
}

async function main(): Promise<void> {
  const args = parse();
  await tf.setBackend('wasm');
  const spec = loadBaseNetwork(args.tflite);
  if (args.placeholderApp) {
    const head = { weights: new Float32Array(spec.featureSize), bias: 0 };
    const written = writeGraphModel(spec, args.out, { head, weightDtype: args.dtype });
    const metadata = placeholderMetadata(baseModelProvenance(args.tflite), {
      dtype: args.dtype,
      bytes: written.weightBytes,
    });
    writeFileSync(join(args.out, 'metadata.json'), `${JSON.stringify(metadata, null, 2)}\n`);
    console.log(`wrote placeholder app model to ${args.out}: ${written.files.join(', ')}, metadata.json`);
    console.log(
      `weights: ${args.dtype}, ${written.weightBytes} bytes; outputs ${written.outputs.join(', ')}`,
    );
    return;
  }
  const written = writeGraphModel(spec, args.out, { imagenetLogits: true, weightDtype: args.dtype });
  console.log(`wrote ${args.out}: ${written.files.join(', ')}`);
  console.log(`weights: ${args.dtype}, ${written.weightBytes} bytes; outputs ${written.outputs.join(', ')}`);

  const modelDir = dirname(args.tflite);
  const imagesDir = join(modelDir, 'test-images');
  const labelsPath = join(modelDir, 'imagenet_labels.txt');
  if (!existsSync(imagesDir) || !existsSync(labelsPath)) {
    console.log('no test-images/ or imagenet_labels.txt beside the .tflite: skipping the top-1 check');
    return;
  }
  const labels = readFileSync(labelsPath, 'utf8').split('\n');
  const model = await loadGraphModelFromDir(args.out);
  for (const file of readdirSync(imagesDir).sort()) {
    const top = await imagenetTop1(model, join(imagesDir, file), labels);
    console.log(`${file.padEnd(20)} ${top.label} (logit ${top.logit.toFixed(2)})`);
  }
  model.dispose();
}

main().catch(exitOnError);
