/**
 * Weight averaging ("model soup"): the element-wise mean of several fine-tuned parameter vectors that share one
 * pretrained start and one layout — e.g. a run's best and last epochs, or runs with different seeds. Averaging
 * weights, unlike averaging outputs, costs nothing at inference. Whether a soup ships is decided on the valid
 * split by the export stage like any other candidate.
 *
 *   npx tsx training/src/fine-tune/average-weights.ts --out <run name> <run>[/checkpoint|/epoch-<n>] …
 *
 * `<run>` reads training/runs/<run>/best, `<run>/checkpoint` that run's last epoch, `<run>/epoch-<n>` epoch n. Writes
 * training/runs/<out>/best/{params.bin, model.json} for `npm run train -- --from-run <out>`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { failWithUsage } from '../cli/cli-error';
import { defaultPaths } from '../cli/repo-paths';
import type { BestModelInfo } from './best-model';

const USAGE =
  'usage: npx tsx training/src/fine-tune/average-weights.ts --out <run name> <run>[/checkpoint|/epoch-<n>] …';

export function averageVectors(vectors: readonly Float32Array[]): Float32Array {
  const first = vectors[0];
  if (!first || vectors.some((v) => v.length !== first.length))
    throw new RangeError('parameter vectors differ in length');
  const out = new Float32Array(first.length);
  for (let i = 0; i < out.length; i++) {
    let sum = 0;
    for (const v of vectors) sum += v[i]!;
    out[i] = sum / vectors.length;
  }
  return out;
}

function readParams(source: string): Float32Array {
  const [run, part] = source.split('/');
  const path =
    part === 'checkpoint'
      ? join(defaultPaths.runs, run!, 'checkpoint', 'params.bin')
      : part?.startsWith('epoch-')
        ? join(defaultPaths.runs, run!, 'epochs', `${part}.bin`)
        : join(defaultPaths.runs, run!, 'best', 'params.bin');
  if (!existsSync(path)) failWithUsage(`no weights for ${source} (${path})`, USAGE);
  const bytes = readFileSync(path);
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

function main(): void {
  const { values, positionals } = parseArgs({ options: { out: { type: 'string' } }, allowPositionals: true });
  if (!values.out || positionals.length < 2) failWithUsage('give --out and at least two sources', USAGE);
  const info = JSON.parse(
    readFileSync(join(defaultPaths.runs, positionals[0]!.split('/')[0]!, 'best', 'model.json'), 'utf8'),
  ) as BestModelInfo;
  const params = averageVectors(positionals.map(readParams));
  if (params.length !== info.layout.total)
    failWithUsage('sources do not match the first run’s layout', USAGE);
  const dir = join(defaultPaths.runs, values.out, 'best');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'params.bin'), Buffer.from(params.buffer));
  // validAuc NaN: the soup has no training-time measurement; the export stage measures it on valid.
  const soup = { ...info, validAuc: Number.NaN, recipe: { ...info.recipe, averageOf: positionals } };
  writeFileSync(join(dir, 'model.json'), JSON.stringify(soup, null, 1));
  process.stdout.write(`averaged ${positionals.length} weight sets → ${dir}\n`);
}

if (process.argv[1]?.endsWith('average-weights.ts')) main();
