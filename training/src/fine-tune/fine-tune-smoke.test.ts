/**
 * End-to-end smoke run of the deep fine-tune CLI (fine-tune.ts as a child process, 2 wasm workers) on a tiny copy
 * of the seed data: 2 images per split and class (--limit), 2 epochs of 2 steps. It checks what a run leaves on
 * disk, that a rerun with the same seed is bit-identical (and another seed is not), that a run killed after
 * epoch 1 and resumed ends exactly where the uninterrupted run did, and that the best epoch exports to a graph
 * model which loads and reproduces the logit the training loop recorded. Bad input is refused or left out in plain
 * words without losing anything saved: an image that fails to decode, data with one class, a rerun into a folder
 * that holds a run, a damaged checkpoint (these stop before training, or after one step).
 *
 * Heavy for a unit test (six short training processes): the children use the 2 workers the CLI defaults to,
 * and on a 2-core machine Vitest runs one file at a time, so this file never competes with another test file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toModelInput } from '../../../src/shared/preprocess/model-input';
import { loadBaseNetwork } from '../base-model/load-base-network';
import { featureExtractor, isWeighted, type NetworkSpec } from '../base-model/network-spec';
import { buildDataset } from '../dataset/build-dataset';
import { loadImage } from '../dataset/load-image';
import { loadGraphModelFromDir } from '../graph-model/node-io';
import { writeGraphModel } from '../graph-model/write-graph-model';
import { rocAuc } from '../metrics/roc-auc';
import { runFineTune } from '../pipeline/run-fine-tune';
import { loadFineTuned, type BestModelInfo, type ValidLogit } from './best-model';
import { initialParams, paramLayout, type ParamLayout } from './param-layout';
import { limitPerClass } from './limit-per-class';
import { probeHead } from './probe-head';
import { SeededRandom } from './seeded-random';
import { defaultPaths, missingData } from '../cli/repo-paths';
import { copySeedSubset } from '../dataset/copy-seed-subset';

const repo = resolve(__dirname, '../../..');
const { seedData, baseTflite: tflite } = defaultPaths;
const reason = missingData(seedData, tflite);
if (reason) console.warn(`fine-tune smoke test skipped: ${reason}`);

/** Copied per split and class; --limit then keeps fewer, so the test also proves --limit is applied. */
const COPIED = 3;
const LIMIT = 2;
const EPOCHS = 2;
const BATCH = 2;
const STEPS_PER_EPOCH = Math.ceil((2 * LIMIT) / BATCH);
/** Slow under a concurrent training job; generous, never a timing assertion. */
const RUN_TIMEOUT = 600_000;

const script = join(repo, 'training/src/fine-tune/fine-tune.ts');
// Not even created when the test skips, so a skipped run leaves nothing behind.
const temp = reason
  ? join(tmpdir(), 'naevus-fine-tune-skipped')
  : mkdtempSync(join(tmpdir(), 'naevus-fine-tune-'));
const data = join(temp, 'data');
// An absolute --run is used as the run folder as is, so nothing is written under training/runs/.
const runDir = (name: string) => join(temp, 'runs', name);
const options = (seed: number) => [
  '--epochs',
  String(EPOCHS),
  '--batch',
  String(BATCH),
  '--workers',
  '2',
  '--limit',
  String(LIMIT),
  '--seed',
  String(seed),
];

const children = new Set<ChildProcess>();
afterAll(() => {
  // Only processes this file spawned, and only if a failed test left one running.
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  if (!reason) rmSync(temp, { recursive: true, force: true });
});

interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

/**
 * Runs the CLI directly under node (not through npx/tsx's wrapper process), so killing the child kills the
 * training process itself and its worker threads. `killAfter` SIGKILLs it as soon as that text is printed;
 * `dataDir` replaces the tiny seed copy.
 */
function fineTune(
  run: string,
  args: string[],
  { killAfter, dataDir = data }: { killAfter?: string; dataDir?: string } = {},
): Promise<Finished> {
  const argv = [
    '--import',
    'tsx',
    script,
    '--data',
    dataDir,
    '--base',
    tflite,
    '--run',
    runDir(run),
    ...args,
  ];
  const child = spawn(process.execPath, argv, {
    cwd: join(repo, 'training'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    if (killAfter !== undefined && output.includes(killAfter)) child.kill('SIGKILL');
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code, signal, output }));
  });
}

const file = (run: string, ...parts: string[]) => join(runDir(run), ...parts);
const bytes = (run: string, ...parts: string[]) => readFileSync(file(run, ...parts));
const floats = (run: string, ...parts: string[]) => {
  const b = bytes(run, ...parts);
  return new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
};
const epochLines = (run: string) =>
  readFileSync(file(run, 'epochs.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { epoch: number; loss: number; validAuc: number; best: { epoch: number } });
const checkpointState = (run: string) =>
  JSON.parse(readFileSync(file(run, 'checkpoint', 'state.json'), 'utf8')) as {
    epoch: number;
    step: number;
    adamT: number;
    config: Record<string, unknown>;
  };

/** Every file of a run folder with its bytes: a refused run must leave this exactly as it was. */
function snapshot(run: string): Map<string, string> {
  const files = readdirSync(runDir(run), { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
  return new Map(
    files.map((d) => [join(d.parentPath, d.name), readFileSync(join(d.parentPath, d.name), 'hex')]),
  );
}

/** A copy of the tiny data set, changed by `edit`, for the bad-input runs. */
function dataCopy(name: string, edit: (dir: string) => void): string {
  const dir = join(temp, name);
  cpSync(data, dir, { recursive: true });
  edit(dir);
  return dir;
}

/** How many values of the [start, end) range differ between a and b. */
function changed(a: Float32Array, b: Float32Array, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) if (a[i] !== b[i]) n++;
  return n;
}

describe.skipIf(reason !== '')('fine-tune CLI on a tiny subset (2 epochs, 2 workers)', () => {
  let base: NetworkSpec;
  let layout: ParamLayout;

  beforeAll(async () => {
    copySeedSubset(seedData, data, COPIED);
    base = loadBaseNetwork(tflite);
    layout = paramLayout(base, (highRes) => !highRes);
    // The reference run goes through the pipeline's own launcher (npx tsx, inherited stdio).
    await runFineTune({
      data,
      base: tflite,
      run: runDir('a'),
      cacheDir: join(temp, 'cache'),
      resume: false,
      extra: options(1),
    });
  }, RUN_TIMEOUT);

  it('writes the checkpoint, every epoch, the best epoch and one log line per epoch', () => {
    for (const f of ['params.bin', 'adam-m.bin', 'adam-v.bin', 'state.json'])
      expect(existsSync(file('a', 'checkpoint', f)), `checkpoint/${f}`).toBe(true);
    expect(readdirSync(file('a', 'epochs')).sort()).toEqual(['epoch-1.bin', 'epoch-2.bin']);
    for (const f of ['model.json', 'params.bin', 'valid-logits.json', 'network.json', 'head.json'])
      expect(existsSync(file('a', 'best', f)), `best/${f}`).toBe(true);

    const state = checkpointState('a');
    expect(state.epoch).toBe(EPOCHS);
    expect(state.step).toBe(EPOCHS * STEPS_PER_EPOCH);
    expect(state.adamT).toBe(EPOCHS * STEPS_PER_EPOCH);
    expect(state.config).toMatchObject({ epochs: EPOCHS, batch: BATCH, seed: 1, limit: LIMIT, freeze: true });
    for (const f of ['epochs/epoch-1.bin', 'epochs/epoch-2.bin', 'checkpoint/params.bin', 'best/params.bin'])
      expect(floats('a', f).length, f).toBe(layout.total);
    expect(bytes('a', 'checkpoint', 'params.bin').equals(bytes('a', 'epochs', 'epoch-2.bin'))).toBe(true);

    const lines = epochLines('a');
    expect(lines.map((l) => l.epoch)).toEqual([1, 2]);
    for (const l of lines) {
      expect(Number.isFinite(l.loss)).toBe(true);
      expect(l.validAuc).toBeGreaterThanOrEqual(0);
      expect(l.validAuc).toBeLessThanOrEqual(1);
    }

    // The best epoch is the first with the highest valid AUC, and best/ holds exactly that epoch's weights.
    const info = JSON.parse(readFileSync(file('a', 'best', 'model.json'), 'utf8')) as BestModelInfo;
    const top = Math.max(...lines.map((l) => l.validAuc));
    expect(info.epoch).toBe(lines.find((l) => l.validAuc === top)!.epoch);
    expect(lines.at(-1)!.best.epoch).toBe(info.epoch);
    expect(bytes('a', 'best', 'params.bin').equals(bytes('a', 'epochs', `epoch-${info.epoch}.bin`))).toBe(
      true,
    );
    const logits = JSON.parse(readFileSync(file('a', 'best', 'valid-logits.json'), 'utf8')) as ValidLogit[];
    expect(logits.map((l) => l.label).sort()).toEqual([0, 0, 1, 1]); // --limit 2 per class
    expect(
      rocAuc(
        logits.map((l) => l.logit),
        logits.map((l) => l.label),
      ),
    ).toBeCloseTo(info.validAuc, 10);
  });

  it('actually trains: backbone and head move away from the base weights every epoch', () => {
    const rng = new SeededRandom(1);
    const start = initialParams(base, layout, () => rng.next());
    const headStart = layout.entries.find((e) => e.group === 'head')!.offset;
    const epoch1 = floats('a', 'epochs', 'epoch-1.bin');
    const epoch2 = floats('a', 'epochs', 'epoch-2.bin');
    for (const [from, to] of [
      [start, epoch1],
      [epoch1, epoch2],
    ] as const) {
      expect(changed(from, to, 0, headStart)).toBeGreaterThan(headStart / 4);
      expect(changed(from, to, headStart, layout.total)).toBeGreaterThan((layout.total - headStart) / 4);
    }
    for (const v of epoch2) if (!Number.isFinite(v)) throw new Error('non-finite parameter after training');
  });

  it(
    'is deterministic: the same seed gives bit-identical weights, another seed different ones',
    async () => {
      const same = await fineTune('same-seed', options(1));
      expect(same.code, same.output).toBe(0);
      for (const f of ['epochs/epoch-1.bin', 'epochs/epoch-2.bin', 'best/params.bin'])
        expect(bytes('same-seed', f).equals(bytes('a', f)), f).toBe(true);
      expect(readFileSync(file('same-seed', 'best', 'valid-logits.json'), 'utf8')).toBe(
        readFileSync(file('a', 'best', 'valid-logits.json'), 'utf8'),
      );

      const other = await fineTune('other-seed', options(2));
      expect(other.code, other.output).toBe(0);
      const a2 = floats('a', 'epochs', 'epoch-2.bin');
      const b2 = floats('other-seed', 'epochs', 'epoch-2.bin');
      expect(changed(a2, b2, 0, layout.total)).toBeGreaterThan(layout.total / 2);
    },
    RUN_TIMEOUT,
  );

  it(
    "--soft-targets trains towards the file's targets, and a file that lacks a train image is refused by name",
    async () => {
      const train = (await buildDataset(data)).manifest.filter((m) => m.split === 'train');
      const flipped = join(temp, 'flipped-targets.json');
      const targets = Object.fromEntries(train.map((m) => [m.sha256, m.label === 'dangerous' ? 0 : 1]));
      writeFileSync(flipped, JSON.stringify({ teachers: ['flipped'], targets }));
      const soft = await fineTune('soft', [...options(1), '--soft-targets', flipped, '--soft-weight', '1']);
      expect(soft.code, soft.output).toBe(0);
      expect(checkpointState('soft').config).toMatchObject({ softTargets: ['flipped'], softWeight: 1 });
      // Same seed as run a, so the same images, augmentations and starting weights: only the targets differ.
      const firstLoss = (log: string) => /epoch 1\/\d+ step 1\/\d+ loss ([\d.]+)/.exec(log)?.[1];
      expect(firstLoss(soft.output)).toBeDefined();
      expect(firstLoss(soft.output)).not.toBe(firstLoss(readFileSync(file('a', 'train-log.txt'), 'utf8')));
      const a1 = floats('a', 'epochs', 'epoch-1.bin');
      expect(changed(a1, floats('soft', 'epochs', 'epoch-1.bin'), 0, layout.total)).toBeGreaterThan(0);

      const partial = join(temp, 'partial-targets.json');
      writeFileSync(partial, JSON.stringify({ teachers: ['t'], targets: { [train[0]!.sha256]: 0.5 } }));
      const refused = await fineTune('soft-partial', [...options(1), '--soft-targets', partial]);
      expect(refused.code).toBe(2);
      expect(refused.output).toMatch(/soft targets have no target for train\//);
    },
    RUN_TIMEOUT,
  );

  it(
    'resumes a run killed after epoch 1 to the same weights as the uninterrupted run',
    async () => {
      const killed = await fineTune('resumed', options(1), { killAfter: `EPOCH 1/${EPOCHS}` });
      // Killed, not finished: only epoch 1 is on disk (fails loudly, not vacuously, should the kill come late).
      expect(killed.signal, killed.output).toBe('SIGKILL');
      expect(checkpointState('resumed').epoch).toBe(1);
      expect(readdirSync(file('resumed', 'epochs'))).toEqual(['epoch-1.bin']);
      expect(epochLines('resumed').map((l) => l.epoch)).toEqual([1]);

      const resumed = await fineTune('resumed', [...options(1), '--resume']);
      expect(resumed.code, resumed.output).toBe(0);
      expect(resumed.output).toContain('resuming after epoch 1');
      for (const f of [
        'epochs/epoch-1.bin',
        'epochs/epoch-2.bin',
        'checkpoint/params.bin',
        'best/params.bin',
      ])
        expect(bytes('resumed', f).equals(bytes('a', f)), f).toBe(true);
      for (const f of ['adam-m.bin', 'adam-v.bin'])
        expect(bytes('resumed', 'checkpoint', f).equals(bytes('a', 'checkpoint', f)), f).toBe(true);
      expect(epochLines('resumed').map((l) => l.epoch)).toEqual([1, 2]);

      // A resume with other options is refused and leaves the run untouched.
      const before = bytes('resumed', 'checkpoint', 'params.bin');
      const refused = await fineTune('resumed', [...options(2), '--resume']);
      expect(refused.code).not.toBe(0);
      expect(refused.output).toContain('--resume with different options');
      expect(bytes('resumed', 'checkpoint', 'params.bin').equals(before)).toBe(true);
    },
    RUN_TIMEOUT,
  );

  it('exports the best epoch as a graph model that reproduces the training loop’s logit', async () => {
    const { spec } = loadFineTuned(runDir('a'), base);
    // Frozen 112×112 layers keep the base weights; the others carry the trained ones.
    const baseLayers = new Map(featureExtractor(base).layers.map((l) => [l.name, l]));
    const best = floats('a', 'best', 'params.bin');
    const firstTrained = layout.entries[0]!;
    for (const layer of spec.layers) {
      const original = baseLayers.get(layer.name)!;
      if (!isWeighted(layer) || !isWeighted(original) || layer.kind === 'dense' || original.kind === 'dense')
        continue;
      if (layer.highRes) expect(layer.filter).toEqual(original.filter);
      if (layer.name === firstTrained.layer)
        expect(layer.filter).toEqual(
          best.slice(firstTrained.offset, firstTrained.offset + firstTrained.size),
        );
    }

    const { logit, recorded } = await exportedAndRecordedLogit('a');
    const probability = 1 / (1 + Math.exp(-logit));
    expect(Number.isFinite(probability)).toBe(true);
    expect(probability).toBeGreaterThan(0);
    expect(probability).toBeLessThan(1);
    // Same tolerance as check-export-parity.ts: the written files compute what the workers computed.
    expect(Math.abs(logit - recorded.logit)).toBeLessThan(1e-3);
  });

  it(
    '--batch-norm measures reference moments, keeps running ones, and folds them into an export that reproduces the logit',
    async () => {
      const run = await fineTune('batch-norm', [...options(1), '--batch-norm']);
      expect(run.code, run.output).toBe(0);
      expect(run.output).toContain('batch norm: reference moments measured on 4 train images');
      expect(checkpointState('batch-norm').config).toMatchObject({ batchNorm: true });
      const bnLayout = paramLayout(base, (highRes) => !highRes, { batchNorm: true });
      const params = floats('batch-norm', 'checkpoint', 'params.bin');
      expect(params.length).toBe(bnLayout.total);
      const part = (name: string) =>
        bnLayout.entries
          .filter((e) => e.part === name)
          .flatMap((e) => Array.from(params.subarray(e.offset, e.offset + e.size)));
      // Measured, not the identity placeholders (0 and 1), and the running mean moved on from the reference.
      expect(part('refStd').filter((v) => v !== 1).length).toBeGreaterThan(part('refStd').length / 2);
      const [mean, refMean] = [part('mean'), part('refMean')];
      expect(mean.filter((v, i) => v !== refMean[i]).length).toBeGreaterThan(mean.length / 2);
      const { logit, recorded } = await exportedAndRecordedLogit('batch-norm');
      expect(Math.abs(logit - recorded.logit)).toBeLessThan(1e-3);
    },
    RUN_TIMEOUT,
  );

  /** The run's best epoch written as a float32 graph model, run on its first recorded valid image. */
  async function exportedAndRecordedLogit(run: string): Promise<{ logit: number; recorded: ValidLogit }> {
    const { spec, head, info } = loadFineTuned(runDir(run), base);
    await tf.setBackend('wasm');
    const tensorsBefore = tf.memory().numTensors;
    const dir = join(temp, `graph-model-${run}`);
    writeGraphModel(spec, dir, { head, weightDtype: 'float32' });
    const recorded = (
      JSON.parse(readFileSync(file(run, 'best', 'valid-logits.json'), 'utf8')) as ValidLogit[]
    )[0]!;
    const input = toModelInput(await loadImage(join(data, recorded.relPath)), info.input);
    const model = await loadGraphModelFromDir(dir);
    let logit: number;
    try {
      logit = tf.tidy(() => {
        const x = tf.tensor4d(input, [1, info.input.size, info.input.size, 3]);
        return (model.execute(x, 'logit') as tf.Tensor).dataSync()[0]!;
      });
    } finally {
      model.dispose();
    }
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    return { logit, recorded };
  }

  it(
    '--probe-head starts the head at the linear probe of the same images (learning rates 0: the start is kept)',
    async () => {
      const run = await fineTune('probe', [
        ...options(1),
        '--epochs',
        '1',
        '--lr',
        '0',
        '--head-lr',
        '0',
        '--probe-head',
        '--cache',
        join(temp, 'cache'),
      ]);
      expect(run.code, run.output).toBe(0);
      expect(run.output).toContain('head starts from the linear probe');
      const { manifest } = await buildDataset(data);
      const firstOfEachClass = (split: string) =>
        limitPerClass(
          manifest.filter((m) => m.split === split),
          LIMIT,
        );
      const info = JSON.parse(readFileSync(file('probe', 'best', 'model.json'), 'utf8')) as BestModelInfo;
      const probe = await probeHead(
        base,
        firstOfEachClass('train'),
        firstOfEachClass('valid'),
        info.input,
        join(temp, 'cache'),
      );
      const params = floats('probe', 'epochs', 'epoch-1.bin');
      const w = layout.entries.at(-2)!;
      expect(Array.from(params.subarray(w.offset, w.offset + w.size))).toEqual(
        Array.from(probe.head.weights),
      );
      expect(params[layout.entries.at(-1)!.offset]).toBeCloseTo(probe.head.bias, 6);
      // Not the seeded random head a run without --probe-head starts from.
      const rng = new SeededRandom(1);
      const randomStart = initialParams(base, layout, () => rng.next());
      expect(changed(params, randomStart, w.offset, w.offset + w.size)).toBe(w.size);
    },
    RUN_TIMEOUT,
  );

  // Bad input: each case stops before training (or measures one step), so these add seconds, not minutes.
  const small = ['--workers', '1', '--size', '96'];

  it(
    'leaves out an image that fails to decode, by name, and trains on the rest; stops if that empties a class',
    async () => {
      // Passes the dataset stage's header check, fails to decode; "A-" sorts it first, so --limit picks it.
      const truncated = dataCopy('data-truncated', (dir) => {
        const first = readdirSync(join(dir, 'train/Dangerous')).sort()[0]!;
        const head = readFileSync(join(dir, 'train/Dangerous', first)).subarray(0, 3000);
        writeFileSync(join(dir, 'train/Dangerous/A-truncated.jpg'), head);
      });
      const run = await fineTune('truncated', [...options(1), ...small, '--max-steps', '1'], {
        dataDir: truncated,
      });
      expect(run.code, run.output).toBe(0);
      expect(run.output).toMatch(/skipped train\/Dangerous\/A-truncated\.jpg: corrupt or truncated JPEG/);
      expect(run.output).toContain(`train ${2 * LIMIT - 1}, valid ${2 * LIMIT}`);
      expect(run.output).toContain('SPEED');

      const emptied = await fineTune('truncated-only', [...options(1), '--limit', '1'], {
        dataDir: truncated,
      });
      expect(emptied.code, emptied.output).toBe(2);
      expect(emptied.output).toMatch(
        /error: the data has no usable images in train\/Dangerous once the 1 file/,
      );
      expect(emptied.output).not.toContain('workers ready');
      expect(emptied.output).not.toMatch(/\n\s+at /); // no stack trace
    },
    RUN_TIMEOUT,
  );

  it('refuses data with one class up front, naming what is missing', async () => {
    const oneClass = dataCopy('data-one-class', (dir) =>
      rmSync(join(dir, 'valid/not_Dangerous'), { recursive: true }),
    );
    const run = await fineTune('one-class', options(1), { dataDir: oneClass });
    expect(run.code, run.output).toBe(2);
    expect(run.output).toMatch(
      /error: the data has no usable images in valid\/not_Dangerous: training needs/,
    );
    expect(run.output).not.toContain('workers ready');
    expect(existsSync(file('one-class', 'checkpoint'))).toBe(false);
  });

  it('refuses to start afresh in a folder that holds a run, and leaves it as it was', async () => {
    const before = snapshot('a');
    const run = await fineTune('a', options(1));
    expect(run.code, run.output).toBe(2);
    expect(run.output).toMatch(
      /already holds a run \(checkpoint\/, best\/, epochs\/\).*pass --resume to continue it, or choose another --run/,
    );
    expect(snapshot('a')).toEqual(before);
  });

  it('--resume refuses a checkpoint whose params.bin was cut short, by name, and changes nothing', async () => {
    cpSync(runDir('a'), runDir('damaged'), { recursive: true });
    truncateSync(file('damaged', 'checkpoint', 'params.bin'), 4000);
    const before = snapshot('damaged');
    const run = await fineTune('damaged', [...options(1), '--resume']);
    expect(run.code, run.output).toBe(2);
    expect(run.output).toMatch(
      /error: cannot resume: .*checkpoint\/params\.bin is damaged: it has 4000 bytes/,
    );
    expect(snapshot('damaged')).toEqual(before);
  });
});
