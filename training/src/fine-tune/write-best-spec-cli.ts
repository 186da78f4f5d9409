/** `npx tsx training/src/fine-tune/write-best-spec-cli.ts <run name or dir> [base.tflite]` */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { failWithUsage } from '../cli/cli-error';
import { defaultPaths, userPath } from '../cli/repo-paths';
import { writeBestSpec } from './write-best-spec';

const usage = 'usage: write-best-spec-cli.ts <run name under training/runs, or run folder> [base .tflite]';
const [run, tflite] = process.argv.slice(2);
if (!run) failWithUsage('missing run', usage);
const runDir = existsSync(userPath(run)) ? userPath(run) : resolve(defaultPaths.runs, run);
if (!existsSync(resolve(runDir, 'best', 'model.json')))
  failWithUsage(`no best/model.json in ${runDir}`, usage);
const out = writeBestSpec(runDir, tflite ? userPath(tflite) : defaultPaths.baseTflite);
process.stdout.write(`wrote ${out.spec} (+ .bin) and ${out.head}\n`);
