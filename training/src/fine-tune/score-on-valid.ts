/**
 * Valid-split AUC of candidate fine-tuned weights (runs, weight averages), measured through the float32 graph
 * model the export stage would write. It reads the valid split only — never the test split — so candidates can
 * be compared without seeing a test figure before one of them is chosen.
 *
 *   npx tsx training/src/fine-tune/score-on-valid.ts [--data <dir>] <run> [<run> …]
 *
 * `<run>` is a folder under training/runs/ with best/{model.json, params.bin} (a fine-tune run or an
 * average-weights output).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { loadBaseNetwork } from '../base-model/load-base-network';
import { requireRunInputs } from '../cli/require-run-inputs';
import { exitOnError, parseCommandLineOrExit } from '../cli/cli-error';
import { defaultPaths } from '../cli/repo-paths';
import { measureVariants } from '../export/measure-variants';
import { labelOf, prepareData } from '../pipeline/prepare-data';
import { loadFineTuned } from './best-model';

const USAGE = `usage: npx tsx training/src/fine-tune/score-on-valid.ts [--data <dir>] [--base <file.tflite>] <run> [<run> …]
  <run>  a folder under training/runs/ with best/{model.json, params.bin}`;

async function main(): Promise<void> {
  const { values, positionals } = parseCommandLineOrExit(
    {
      data: { type: 'string', default: defaultPaths.seedData },
      base: { type: 'string', default: defaultPaths.baseTflite },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  );
  const { dataDir, basePath } = requireRunInputs(values, positionals, USAGE);
  await tf.setBackend('wasm');
  const { splits } = await prepareData(dataDir);
  const base = loadBaseNetwork(basePath);
  const work = mkdtempSync(join(tmpdir(), 'score-on-valid-'));
  try {
    for (const run of positionals) {
      const { spec, head, info } = loadFineTuned(join(defaultPaths.runs, run), base);
      const [measured] = await measureVariants({
        spec,
        head,
        valid: splits.valid,
        validLabels: splits.valid.map(labelOf),
        input: info.input,
        workDir: join(work, run),
        cacheDir: defaultPaths.cache,
        dtypes: ['float32'],
        // A valid image that no longer decodes is named and left out; the other runs are still scored.
        onDecodeFailures: (failed) => {
          for (const { index, reason } of failed)
            process.stderr.write(`${run}: left out ${splits.valid[index]!.relPath}: ${reason}\n`);
        },
      });
      process.stdout.write(`${run}\tvalid AUC ${measured!.validAuc.toFixed(4)}\n`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch(exitOnError);
