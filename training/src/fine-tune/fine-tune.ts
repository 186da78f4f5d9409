/**
 * Fine-tuning stage: MobileNetV2 (112×112 layers frozen) + a new dropout/dense head, on the wasm backend in
 * worker threads. See `usage` and docs/training-speed.md.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ModelInputSpec } from '../../../src/shared/model/model-metadata';
import { loadBaseNetwork } from '../base-model/load-base-network';
import { failWithUsage } from '../cli/cli-error';
import { defaultPaths, userPath } from '../cli/repo-paths';
import { buildDataset } from '../dataset/build-dataset';
import { rocAuc } from '../metrics/roc-auc';
import { adamStep, createAdamState } from './adam';
import { drawAugment } from './augment';
import { saveBestModel, type ValidLogit } from './best-model';
import { loadCheckpoint, saveCheckpoint, saveEpochParams, type TrainState } from './checkpoint';
import { limitPerClass } from './limit-per-class';
import { lrFactor } from './lr-schedule';
import { initialParams, paramLayout, setHead } from './param-layout';
import { probeHead } from './probe-head';
import { formatDuration, runLog } from './run-log';
import { SeededRandom } from './seeded-random';
import { mixedTargets, readSoftTargets } from './soft-targets';
import { loadSharedImages } from './shared-images';
import { WorkerPool } from './worker-pool';
import { writeBestSpec } from './write-best-spec';
import type { StepRequest, TrainItem } from './worker-protocol';

const usage = `usage: npm run fine-tune -w training -- [options]
  --data <dir>          folder of class folders with train/valid splits (default ../shared/datasets/seed-dermoscopy)
  --base <file.tflite>  base network (default ../shared/models/mobilenet_v2_1.0_224_quant/…tflite)
  --run <name|dir>      run folder under training/runs/, or an absolute folder (default fine-tune)
  --resume              continue from the run's last checkpoint
  --epochs <n> (10)  --batch <n> (16)  --lr <x> (1e-4 backbone)  --head-lr <x> (1e-3)  --warmup <epochs> (1)
  --seed <n> (1)  --workers <n> (2)  --dropout <x> (0.2)  --no-freeze (train the half-resolution layers too: 112×112 at 224 px)
  --probe-head          start the head from the --quick linear probe on frozen features (LP-FT), not at random
  --cache <dir>         feature cache for --probe-head (default training/cache)
  --size <px>           train and evaluate at this input size, a multiple of 32 (default 224, the base network's)
  --soft-targets <file> self-distillation: train towards (1 − w)·label + w·teacher probability (teacher-targets.ts)
  --soft-weight <w>     the teachers' share w of the target (default 0.5; needs --soft-targets)
  --max-steps <n>       stop after n steps and print seconds per image (speed measurement; no checkpoint)
  --limit <n>           use only n images per split and class (smoke runs)`;

/** The base network's input range; the size is the base network's 224 unless --size says otherwise. */
const inputSpec = (size: number): ModelInputSpec => ({ size, mean: 128, std: 128, range: [-1, 127 / 128] });

function parse() {
  try {
    const { values } = parseArgs({
      options: {
        data: { type: 'string' },
        base: { type: 'string' },
        run: { type: 'string', default: 'fine-tune' },
        resume: { type: 'boolean', default: false },
        epochs: { type: 'string', default: '10' },
        batch: { type: 'string', default: '16' },
        lr: { type: 'string', default: '1e-4' },
        'head-lr': { type: 'string', default: '1e-3' },
        warmup: { type: 'string', default: '1' },
        seed: { type: 'string', default: '1' },
        workers: { type: 'string', default: '2' },
        dropout: { type: 'string', default: '0.2' },
        'no-freeze': { type: 'boolean', default: false },
        'probe-head': { type: 'boolean', default: false },
        cache: { type: 'string' },
        size: { type: 'string', default: '224' },
        'soft-targets': { type: 'string' },
        'soft-weight': { type: 'string', default: '0.5' },
        'max-steps': { type: 'string' },
        limit: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    });
    if (values.help) failWithUsage('help requested', usage);
    const num = (name: string, v: string | undefined, min: number): number => {
      const n = Number(v);
      if (v === undefined || !Number.isFinite(n) || n < min)
        failWithUsage(`--${name} must be a number ≥ ${min}`, usage);
      return n;
    };
    return {
      data: values.data ? userPath(values.data) : defaultPaths.seedData,
      base: values.base ? userPath(values.base) : defaultPaths.baseTflite,
      run: values.run!,
      resume: values.resume!,
      epochs: num('epochs', values.epochs, 1),
      batch: num('batch', values.batch, 2),
      lr: num('lr', values.lr, 0),
      headLr: num('head-lr', values['head-lr'], 0),
      warmup: num('warmup', values.warmup, 0),
      seed: num('seed', values.seed, 0),
      workers: num('workers', values.workers, 1),
      dropout: num('dropout', values.dropout, 0),
      freeze: !values['no-freeze'],
      probeHead: values['probe-head']!,
      cacheDir: values.cache ? userPath(values.cache) : defaultPaths.cache,
      size: multipleOf32(num('size', values.size, 32)),
      softTargets: values['soft-targets'] ? userPath(values['soft-targets']) : undefined,
      softWeight: fraction(num('soft-weight', values['soft-weight'], 0), 'soft-weight'),
      maxSteps: values['max-steps'] === undefined ? undefined : num('max-steps', values['max-steps'], 1),
      limit: values.limit === undefined ? undefined : num('limit', values.limit, 1),
    };
  } catch (e) {
    failWithUsage((e as Error).message, usage);
  }
}

function fraction(value: number, name: string): number {
  if (value > 1) failWithUsage(`--${name} must be between 0 and 1`, usage);
  return value;
}

function multipleOf32(size: number): number {
  // MobileNetV2 halves the resolution five times; other sizes make XNNPACK and 'SAME' padding uneven.
  if (!Number.isInteger(size / 32)) failWithUsage(`--size must be a multiple of 32, got ${size}`, usage);
  return size;
}

async function main(): Promise<void> {
  const opts = parse();
  if (!existsSync(opts.data)) failWithUsage(`no data folder at ${opts.data}`, usage);
  if (!existsSync(opts.base)) failWithUsage(`no base model at ${opts.base}`, usage);
  let softTargets = null;
  try {
    softTargets = opts.softTargets ? readSoftTargets(opts.softTargets) : null;
  } catch (e) {
    failWithUsage((e as Error).message, usage);
  }
  // An absolute --run is taken as is (the smoke test trains into a temporary folder).
  const runDir = resolve(defaultPaths.runs, opts.run);
  mkdirSync(runDir, { recursive: true });
  const log = runLog(runDir);
  const config = {
    epochs: opts.epochs,
    batch: opts.batch,
    lr: opts.lr,
    headLr: opts.headLr,
    warmup: opts.warmup,
    seed: opts.seed,
    dropout: opts.dropout,
    freeze: opts.freeze,
    limit: opts.limit ?? null,
    // Only recorded when used, so runs started before the option existed still resume.
    ...(opts.probeHead ? { probeHead: true } : {}),
    ...(opts.size !== 224 ? { size: opts.size } : {}),
    ...(softTargets ? { softTargets: softTargets.teachers, softWeight: opts.softWeight } : {}),
  };
  const input = inputSpec(opts.size);
  log.line(`fine-tune ${JSON.stringify(config)} workers=${opts.workers} data=${opts.data}`);

  const { manifest, report } = await buildDataset(opts.data);
  const train = limitPerClass(
    manifest.filter((m) => m.split === 'train'),
    opts.limit,
  );
  const valid = limitPerClass(
    manifest.filter((m) => m.split === 'valid'),
    opts.limit,
  );
  if (train.length === 0 || valid.length === 0)
    failWithUsage('the data folder needs train and valid images', usage);
  const t0 = performance.now();
  const images = await loadSharedImages([...train, ...valid].map((m) => m.path));
  log.line(
    `decoded ${images.length} images in ${((performance.now() - t0) / 1000).toFixed(1)} s (dataHash ${report.dataHash.slice(0, 12)})`,
  );
  const label = (m: { label: string }): 0 | 1 => (m.label === 'dangerous' ? 1 : 0);
  const trainLabels = train.map(label);
  let targets: number[] = [];
  try {
    targets = mixedTargets(train, trainLabels, softTargets, opts.softWeight);
  } catch (e) {
    failWithUsage((e as Error).message, usage);
  }
  const positives = trainLabels.filter((y) => y === 1).length;
  // Balanced class weights: each class contributes half of the loss whatever its count.
  const classWeight = [train.length / (2 * (train.length - positives)), train.length / (2 * positives)];

  const spec = loadBaseNetwork(opts.base);
  const layout = paramLayout(spec, (highRes) => !opts.freeze || !highRes);
  const segments = [
    { group: 'backbone', lr: opts.lr },
    { group: 'head', lr: opts.headLr },
  ].flatMap(({ group, lr }) =>
    layout.entries
      .filter((e) => e.group === group)
      .map((e) => ({ start: e.offset, end: e.offset + e.size, lr })),
  );

  let state: TrainState | null = opts.resume ? loadCheckpoint(runDir) : null;
  if (opts.resume && !state) log.line('no checkpoint to resume from: starting fresh');
  if (state && JSON.stringify(state.config) !== JSON.stringify(config)) {
    failWithUsage(
      `--resume with different options than the run started with: ${JSON.stringify(state.config)}`,
      usage,
    );
  }
  if (!state) {
    const rng = new SeededRandom(opts.seed);
    const params = initialParams(spec, layout, () => rng.next());
    if (opts.probeHead) {
      const probe = await probeHead(spec, train, valid, input, opts.cacheDir);
      setHead(params, layout, probe.head);
      log.line(`head starts from the linear probe: ${probe.note}`);
    }
    state = {
      epoch: 0,
      step: 0,
      rng: rng.state,
      params,
      adam: createAdamState(layout.total),
      best: { epoch: -1, auc: -1 },
      history: [],
      config,
    };
  } else {
    log.line(
      `resuming after epoch ${state.epoch} (best epoch ${state.best.epoch}, valid AUC ${state.best.auc.toFixed(4)})`,
    );
  }
  const rng = new SeededRandom(state.rng);
  const shared = new Float32Array(new SharedArrayBuffer(layout.total * 4));
  shared.set(state.params);
  const grads = Array.from(
    { length: opts.workers },
    () => new Float32Array(new SharedArrayBuffer(layout.total * 4)),
  );

  const pool = new WorkerPool(opts.workers);
  await pool.init(
    grads.map((g) => ({
      type: 'init' as const,
      tflitePath: opts.base,
      freezeHighRes: opts.freeze,
      layout,
      params: shared,
      grads: g,
      images,
      input,
      dropout: opts.dropout,
    })),
  );
  log.line(
    `${opts.workers} workers ready; ${layout.total} trainable parameters; train ${train.length}, valid ${valid.length}`,
  );

  const stepsPerEpoch = Math.ceil(train.length / opts.batch);
  const totalSteps = stepsPerEpoch * opts.epochs;
  const warmupSteps = Math.round(opts.warmup * stepsPerEpoch);
  const sum = new Float32Array(layout.total);
  const stepTimes: number[] = [];
  // Process CPU seconds (all threads): on a shared, overloaded machine this measures the work, not the queue.
  const stepCpu: number[] = [];
  let evalSeconds = 0;

  const evaluate = async (): Promise<number[]> => {
    const indices = valid.map((_, i) => train.length + i);
    const share = Math.ceil(indices.length / opts.workers);
    const replies = await Promise.all(
      Array.from({ length: opts.workers }, (_, w) =>
        pool.request(w, { type: 'predict', images: indices.slice(w * share, (w + 1) * share), batch: 8 }),
      ),
    );
    return replies.flatMap((r) => (r.type === 'predict' ? r.logits : []));
  };

  for (let epoch = state.epoch; epoch < opts.epochs; epoch++) {
    const epochStart = performance.now();
    const order = rng.shuffle(train.map((_, i) => i));
    let lossSum = 0;
    let weightSum = 0;
    for (let s = 0; s < stepsPerEpoch; s++) {
      const stepStart = performance.now();
      const cpuStart = process.cpuUsage();
      const items: TrainItem[] = order.slice(s * opts.batch, (s + 1) * opts.batch).map((i) => ({
        image: i,
        target: targets[i]!,
        weight: classWeight[trainLabels[i]!]!,
        augment: drawAugment(rng, images[i]!.width, images[i]!.height),
      }));
      const share = Math.ceil(items.length / opts.workers);
      const requests: (StepRequest | null)[] = Array.from({ length: opts.workers }, (_, w) => {
        const part = items.slice(w * share, (w + 1) * share);
        return part.length ? { type: 'step', items: part, dropoutSeed: rng.int(2 ** 31) } : null;
      });
      const replies = await Promise.all(requests.map((r, w) => (r ? pool.request(w, r) : null)));
      const batchWeight = items.reduce((a, it) => a + it.weight, 0);
      sum.fill(0);
      let loss = 0;
      replies.forEach((r, w) => {
        if (!r || r.type !== 'step') return;
        loss += r.loss;
        const g = grads[w]!;
        for (let i = 0; i < sum.length; i++) sum[i] = sum[i]! + g[i]!;
      });
      for (let i = 0; i < sum.length; i++) sum[i] = sum[i]! / batchWeight;
      if (!Number.isFinite(loss))
        throw new Error(`loss is ${loss} at epoch ${epoch + 1} step ${s + 1}: stopping`);
      const factor = lrFactor(state.step, warmupSteps, totalSteps);
      adamStep(
        state.params,
        sum,
        state.adam,
        segments.map((seg) => ({ ...seg, lr: seg.lr * factor })),
      );
      shared.set(state.params);
      state.step += 1;
      lossSum += loss;
      weightSum += batchWeight;
      const seconds = (performance.now() - stepStart) / 1000;
      const cpu = process.cpuUsage(cpuStart);
      stepTimes.push(seconds);
      stepCpu.push((cpu.user + cpu.system) / 1e6);
      const recent = stepTimes.slice(-20);
      const perStep = recent.reduce((a, b) => a + b, 0) / recent.length;
      const eta = perStep * (totalSteps - state.step) + evalSeconds * (opts.epochs - epoch);
      log.line(
        `epoch ${epoch + 1}/${opts.epochs} step ${s + 1}/${stepsPerEpoch} loss ${(loss / batchWeight).toFixed(4)} ` +
          `lr×${factor.toFixed(3)} ${seconds.toFixed(2)} s/step (${(seconds / items.length).toFixed(3)} s/image) ETA ${formatDuration(eta)}`,
      );
      if (opts.maxSteps !== undefined && stepTimes.length >= opts.maxSteps) {
        const skip = stepTimes.length > 1 ? 1 : 0;
        const meanOf = (v: number[]) => v.slice(skip).reduce((a, b) => a + b, 0) / (v.length - skip);
        const mean = meanOf(stepTimes);
        const cpuPerImage = meanOf(stepCpu) / opts.batch;
        log.line(
          `SPEED freeze=${opts.freeze} workers=${opts.workers} batch=${opts.batch}: ${mean.toFixed(2)} s/step, ` +
            `${(mean / opts.batch).toFixed(3)} s/image, ${((mean * Math.ceil(880 / opts.batch)) / 60).toFixed(1)} min per 880-image epoch (steps ${skip + 1}..${stepTimes.length}); ` +
            `CPU ${cpuPerImage.toFixed(3)} s/image → ${((cpuPerImage * 880) / 60 / opts.workers).toFixed(1)} min/epoch on ${opts.workers} idle core(s); load ${loadavg()[0]!.toFixed(1)}`,
        );
        await pool.close();
        return;
      }
    }
    const evalStart = performance.now();
    const logits = await evaluate();
    evalSeconds = (performance.now() - evalStart) / 1000;
    const validLabels = valid.map(label);
    const auc = rocAuc(logits, validLabels);
    const seconds = (performance.now() - epochStart) / 1000;
    const meanLoss = lossSum / weightSum;
    state.epoch = epoch + 1;
    state.rng = rng.state;
    state.history.push({ epoch: epoch + 1, loss: meanLoss, validAuc: auc, seconds });
    const improved = auc > state.best.auc;
    if (improved) {
      state.best = { epoch: epoch + 1, auc };
      const perImage: ValidLogit[] = valid.map((m, i) => ({
        relPath: m.relPath,
        label: validLabels[i]!,
        logit: logits[i]!,
      }));
      saveBestModel(
        runDir,
        {
          format: 'naevus-fine-tuned/1',
          epoch: epoch + 1,
          validAuc: auc,
          input,
          baseModel: opts.base,
          layout,
          recipe: config,
        },
        state.params,
        perImage,
      );
    }
    saveEpochParams(runDir, epoch + 1, state.params);
    saveCheckpoint(runDir, state);
    log.epoch({ epoch: epoch + 1, loss: meanLoss, validAuc: auc, seconds, evalSeconds, best: state.best });
    log.line(
      `EPOCH ${epoch + 1}/${opts.epochs} train loss ${meanLoss.toFixed(4)} valid AUC ${auc.toFixed(4)}${improved ? ' (best)' : ''} ` +
        `${(seconds / 60).toFixed(1)} min (eval ${evalSeconds.toFixed(0)} s); checkpoint saved`,
    );
  }
  const written = writeBestSpec(runDir, opts.base);
  log.line(`best network spec: ${written.spec} (+ .bin), head: ${written.head}`);
  log.line(
    `done: best epoch ${state.best.epoch}, valid AUC ${state.best.auc.toFixed(4)}; weights in ${resolve(runDir, 'best')}`,
  );
  await pool.close();
}

await main();
