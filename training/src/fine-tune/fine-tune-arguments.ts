import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultPaths, userPath } from '../cli/repo-paths';

export const usage = `usage: npm run fine-tune -w training -- [options]
  --data <dir>          folder of class folders with train/valid splits (default ../shared/datasets/seed-dermoscopy)
  --base <file.tflite>  base network (default ../shared/models/mobilenet_v2_1.0_224_quant/…tflite)
  --run <name|dir>      run folder under training/runs/, or an absolute folder (default fine-tune); a folder that
                        already holds a run is only continued with --resume, never overwritten
  --resume              continue from the run's last checkpoint
  --epochs <n> (10)  --batch <n> (16)  --lr <x> (1e-4 backbone)  --head-lr <x> (1e-3)  --warmup <epochs> (1)
  --seed <n> (1)  --workers <n> (2)  --dropout <x> (0.2)  --no-freeze (train the half-resolution layers too: 112×112 at 224 px)
  --batch-norm          re-introduce batch norm after each trainable convolution (folded again at export)
  --probe-head          start the head from the --quick linear probe on frozen features (LP-FT), not at random
  --cache <dir>         feature cache for --probe-head (default training/cache)
  --size <px>           train and evaluate at this input size, a multiple of 32 (default 224, the base network's)
  --soft-targets <file> self-distillation: train towards (1 − w)·label + w·teacher probability (teacher-targets.ts)
  --soft-weight <w>     the teachers' share w of the target (default 0.5; needs --soft-targets)
  --max-steps <n>       stop after n steps and print seconds per image (speed measurement; no checkpoint)
  --limit <n>           use only n images per split and class (smoke runs)
  --help                print this text`;

export interface FineTuneOptions {
  data: string;
  base: string;
  /** Absolute run folder. */
  runDir: string;
  resume: boolean;
  epochs: number;
  batch: number;
  lr: number;
  headLr: number;
  warmup: number;
  seed: number;
  workers: number;
  dropout: number;
  freeze: boolean;
  batchNorm: boolean;
  probeHead: boolean;
  cacheDir: string;
  size: number;
  softTargets: string | undefined;
  softWeight: number;
  maxSteps: number | undefined;
  limit: number | undefined;
}

/** An argument the stage cannot run with; the message is one plain line, shown above the usage. */
export class BadArgumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadArgumentError';
  }
}

export type ParsedArguments = { help: true } | { help: false; options: FineTuneOptions };

/** Command-line words → options, or BadArgumentError. Reads nothing from disk (see checkArgumentPaths). */
export function parseFineTuneArguments(args: string[]): ParsedArguments {
  let values;
  try {
    // No defaults here: an option left out must stay distinguishable from one given (--soft-weight).
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        data: { type: 'string' },
        base: { type: 'string' },
        run: { type: 'string' },
        resume: { type: 'boolean' },
        epochs: { type: 'string' },
        batch: { type: 'string' },
        lr: { type: 'string' },
        'head-lr': { type: 'string' },
        warmup: { type: 'string' },
        seed: { type: 'string' },
        workers: { type: 'string' },
        dropout: { type: 'string' },
        'no-freeze': { type: 'boolean' },
        'batch-norm': { type: 'boolean' },
        'probe-head': { type: 'boolean' },
        cache: { type: 'string' },
        size: { type: 'string' },
        'soft-targets': { type: 'string' },
        'soft-weight': { type: 'string' },
        'max-steps': { type: 'string' },
        limit: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    // Node's own messages can run over three lines ("ambiguous … Did you forget …"): keep the error one line.
    const message = error instanceof Error ? error.message : String(error);
    throw new BadArgumentError(message.replace(/\s*\n\s*/g, ' '));
  }
  if (values.help) return { help: true };
  if (values['soft-weight'] !== undefined && values['soft-targets'] === undefined)
    throw new BadArgumentError(
      '--soft-weight needs --soft-targets <file> (it weighs the targets in that file)',
    );
  const size = wholeNumber('size', values.size ?? '224', 32);
  // MobileNetV2 halves the resolution five times; other sizes make XNNPACK and 'SAME' padding uneven.
  if (size % 32 !== 0) throw new BadArgumentError(`--size must be a multiple of 32, got ${size}`);
  return {
    help: false,
    options: {
      data: values.data !== undefined ? userPath(values.data) : defaultPaths.seedData,
      base: values.base !== undefined ? userPath(values.base) : defaultPaths.baseTflite,
      runDir: runFolder(values.run ?? 'fine-tune'),
      resume: values.resume ?? false,
      epochs: wholeNumber('epochs', values.epochs ?? '10', 1),
      batch: wholeNumber('batch', values.batch ?? '16', 2),
      lr: decimal('lr', values.lr ?? '1e-4', 0),
      headLr: decimal('head-lr', values['head-lr'] ?? '1e-3', 0),
      warmup: decimal('warmup', values.warmup ?? '1', 0),
      seed: wholeNumber('seed', values.seed ?? '1', 0),
      workers: workerCount(values.workers ?? '2'),
      // A dropout rate of 1 drops every feature: the head would see only zeros.
      dropout: decimal('dropout', values.dropout ?? '0.2', 0, { below: 1 }),
      freeze: !values['no-freeze'],
      batchNorm: values['batch-norm'] ?? false,
      probeHead: values['probe-head'] ?? false,
      cacheDir: values.cache !== undefined ? userPath(values.cache) : defaultPaths.cache,
      size,
      softTargets: values['soft-targets'] !== undefined ? userPath(values['soft-targets']) : undefined,
      softWeight: decimal('soft-weight', values['soft-weight'] ?? '0.5', 0, { atMost: 1 }),
      maxSteps:
        values['max-steps'] === undefined ? undefined : wholeNumber('max-steps', values['max-steps'], 1),
      limit: values.limit === undefined ? undefined : wholeNumber('limit', values.limit, 1),
    },
  };
}

/** The checks that need the disk: data is a folder, base is a file, the run folder is not a file. */
export function checkArgumentPaths(options: FineTuneOptions): void {
  if (!existsSync(options.data)) throw new BadArgumentError(`--data: no folder at ${options.data}`);
  if (!statSync(options.data).isDirectory())
    throw new BadArgumentError(`--data must be a folder of class folders, but ${options.data} is a file`);
  if (!existsSync(options.base)) throw new BadArgumentError(`--base: no base model at ${options.base}`);
  if (!statSync(options.base).isFile())
    throw new BadArgumentError(`--base must be a .tflite file, but ${options.base} is a folder`);
  if (existsSync(options.runDir) && !statSync(options.runDir).isDirectory())
    throw new BadArgumentError(`--run must name a folder, but ${options.runDir} is a file`);
}

/**
 * Each worker is one core with its own wasm heap (up to ~4 GB at batch 16), so more workers than cores only
 * add memory; 2, the default, is always allowed.
 */
function workerCount(text: string): number {
  const n = wholeNumber('workers', text, 1);
  const most = Math.max(2, availableParallelism());
  if (n > most)
    throw new BadArgumentError(
      `--workers ${n} is more than this machine's ${availableParallelism()} cores (at most ${most}): each worker uses one core and its own memory`,
    );
  return n;
}

/**
 * Counts (epochs, workers, batch, …) must be whole: "1.5 workers" used to start and crash after a finished
 * epoch. Digits only, so "1e3", "0x10" and "" are refused rather than read as something unintended.
 */
function wholeNumber(name: string, text: string, min: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < min)
    throw new BadArgumentError(`--${name} must be a whole number ≥ ${min}, got "${text}"`);
  return n;
}

function decimal(
  name: string,
  text: string,
  min: number,
  max: { below?: number; atMost?: number } = {},
): number {
  // Number('') and Number(' ') are 0: an empty value is a mistake, not zero.
  const n = text.trim() === '' ? NaN : Number(text);
  const { below, atMost } = max;
  if (
    !Number.isFinite(n) ||
    n < min ||
    (below !== undefined && n >= below) ||
    (atMost !== undefined && n > atMost)
  ) {
    const range =
      below !== undefined
        ? `from ${min} to below ${below}`
        : atMost !== undefined
          ? `between ${min} and ${atMost}`
          : `≥ ${min}`;
    throw new BadArgumentError(`--${name} must be a number ${range}, got "${text}"`);
  }
  return n;
}

/** A name is a folder under training/runs/ (never runs/ itself or outside it); an absolute path is taken as is. */
function runFolder(name: string): string {
  if (isAbsolute(name)) return name;
  const dir = resolve(defaultPaths.runs, name);
  const inside = relative(defaultPaths.runs, dir);
  if (name.trim() === '' || inside === '' || inside === '..' || inside.startsWith(`..${sep}`))
    throw new BadArgumentError(
      `--run must be a folder name under training/runs/ or an absolute path, got "${name}"`,
    );
  return dir;
}
