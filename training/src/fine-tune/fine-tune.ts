/**
 * Fine-tuning stage: MobileNetV2 (112×112 layers frozen) + a new dropout/dense head, on the wasm backend in
 * worker threads. See `usage` and docs/training-speed.md.
 */
import { mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import type { ModelInputSpec } from '../../../src/shared/model/model-metadata';
import { BN_MOMENTUM } from '../base-model/batch-norm';
import { loadBaseNetwork } from '../base-model/load-base-network';
import { exitOnError, failWithUsage } from '../cli/cli-error';
import { rocAuc } from '../metrics/roc-auc';
import { adamStep, createAdamState } from './adam';
import { drawAugment } from './augment';
import { setReferenceMoments, updateRunningMoments } from './batch-norm-stats';
import { saveBestModel, type ValidLogit } from './best-model';
import {
  CheckpointError,
  loadCheckpoint,
  saveCheckpoint,
  saveEpochParams,
  type TrainState,
} from './checkpoint';
import {
  BadArgumentError,
  checkArgumentPaths,
  parseFineTuneArguments,
  usage,
  type FineTuneOptions,
} from './fine-tune-arguments';
import { lrFactor } from './lr-schedule';
import { initialParams, paramLayout, setHead } from './param-layout';
import { probeHead } from './probe-head';
import { formatDuration, runLog } from './run-log';
import { savedRunParts } from './saved-run';
import { SeededRandom } from './seeded-random';
import { mixedTargets, readSoftTargets } from './soft-targets';
import { loadTrainingImages, UnusableDataError } from './training-images';
import { WorkerPool } from './worker-pool';
import { workerShares } from './worker-shares';
import { writeBestSpec } from './write-best-spec';
import type { StepRequest, TrainItem } from './worker-protocol';

/** The base network's input range; the size is the base network's 224 unless --size says otherwise. */
const inputSpec = (size: number): ModelInputSpec => ({ size, mean: 128, std: 128, range: [-1, 127 / 128] });

/** The options, or the process ends here: usage and exit 0 for --help, error + usage and exit 2 when bad. */
function readArguments(): FineTuneOptions {
  try {
    const parsed = parseFineTuneArguments(process.argv.slice(2));
    if (parsed.help) {
      process.stdout.write(`${usage}\n`);
      process.exit(0);
    }
    checkArgumentPaths(parsed.options);
    return parsed.options;
  } catch (error) {
    if (error instanceof BadArgumentError) failWithUsage(error.message, usage);
    throw error;
  }
}

/** Ends the run before training with a plain one-line reason (exit 2); the arguments were fine, so no usage. */
function stop(message: string): never {
  process.stderr.write(`error: ${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  const opts = readArguments();
  const { runDir } = opts;
  // Everything that can refuse the run is checked before the first write to the run folder.
  const saved = savedRunParts(runDir);
  if (!opts.resume && saved.length > 0) {
    stop(
      `${runDir} already holds a run (${saved.join(', ')}), which a new start would overwrite: ` +
        'pass --resume to continue it, or choose another --run',
    );
  }
  let softTargets = null;
  try {
    softTargets = opts.softTargets ? readSoftTargets(opts.softTargets) : null;
  } catch (e) {
    failWithUsage((e as Error).message, usage);
  }
  let spec;
  try {
    spec = loadBaseNetwork(opts.base);
  } catch (e) {
    failWithUsage(`--base ${opts.base} is not a usable base model: ${(e as Error).message}`, usage);
  }
  const layout = paramLayout(spec, (highRes) => !opts.freeze || !highRes, { batchNorm: opts.batchNorm });
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
    ...(opts.batchNorm ? { batchNorm: true } : {}),
    ...(opts.size !== 224 ? { size: opts.size } : {}),
    ...(softTargets ? { softTargets: softTargets.teachers, softWeight: opts.softWeight } : {}),
  };
  let resumed: TrainState | null = null;
  if (opts.resume) {
    try {
      resumed = loadCheckpoint(runDir, { total: layout.total, config });
    } catch (e) {
      if (e instanceof CheckpointError) stop(`cannot resume: ${e.message}. Nothing in ${runDir} was changed`);
      throw e;
    }
    if (!resumed && saved.length > 0) {
      stop(
        `cannot resume: ${runDir} holds a run (${saved.join(', ')}) but no checkpoint/ to continue from; ` +
          'choose another --run to start afresh. Nothing was changed',
      );
    }
  }

  mkdirSync(runDir, { recursive: true });
  const log = runLog(runDir);
  const input = inputSpec(opts.size);
  log.line(`fine-tune ${JSON.stringify(config)} workers=${opts.workers} data=${opts.data}`);
  if (opts.resume && !resumed) log.line('no checkpoint to resume from: starting fresh');

  let data;
  try {
    data = await loadTrainingImages(opts.data, opts.limit, (line) => log.line(line));
  } catch (e) {
    if (e instanceof UnusableDataError) stop(e.message);
    throw e;
  }
  const { train, valid, images } = data;
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

  const segments = [
    { group: 'backbone', lr: opts.lr },
    { group: 'head', lr: opts.headLr },
  ].flatMap(({ group, lr }) =>
    layout.entries
      .filter((e) => e.group === group)
      .map((e) => ({ start: e.offset, end: e.offset + e.size, lr })),
  );

  let state = resumed;
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
      batchNorm: opts.batchNorm,
    })),
  );
  log.line(
    `${opts.workers} workers ready; ${layout.total} trainable parameters; train ${train.length}, valid ${valid.length}`,
  );

  if (opts.batchNorm && state.step === 0) {
    const shares = workerShares(
      train.map((_, i) => i),
      opts.workers,
    );
    // A worker left without images is not asked: it would have no moments to write.
    const parts = await Promise.all(
      shares.flatMap((images, w) =>
        images
          ? [
              pool
                .request(w, { type: 'moments', images, batch: 8 })
                .then((r) => ({ images: r.type === 'moments' ? r.images : 0, buffer: grads[w]! })),
            ]
          : [],
      ),
    );
    setReferenceMoments(state.params, layout, parts);
    shared.set(state.params);
    log.line(`batch norm: reference moments measured on ${train.length} train images`);
  }

  const stepsPerEpoch = Math.ceil(train.length / opts.batch);
  const totalSteps = stepsPerEpoch * opts.epochs;
  const warmupSteps = Math.round(opts.warmup * stepsPerEpoch);
  const sum = new Float32Array(layout.total);
  const stepTimes: number[] = [];
  // Process CPU seconds (all threads): on a shared, overloaded machine this measures the work, not the queue.
  const stepCpu: number[] = [];
  let evalSeconds = 0;

  const evaluate = async (): Promise<number[]> => {
    const shares = workerShares(
      valid.map((_, i) => train.length + i),
      opts.workers,
    );
    const replies = await Promise.all(
      shares.map((images, w) => (images ? pool.request(w, { type: 'predict', images, batch: 8 }) : null)),
    );
    return replies.flatMap((r) => (r?.type === 'predict' ? r.logits : []));
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
      const requests: (StepRequest | null)[] = workerShares(items, opts.workers).map((part) =>
        part ? { type: 'step', items: part, dropoutSeed: rng.int(2 ** 31) } : null,
      );
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
      if (opts.batchNorm) {
        const parts = requests.flatMap((r, w) => (r ? [{ images: r.items.length, buffer: grads[w]! }] : []));
        updateRunningMoments(state.params, layout, parts, BN_MOMENTUM);
      }
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

// A failure mid-run (a worker crash, a diverging loss) is one plain line; the last epoch's checkpoint stays.
await main().catch(exitOnError);
