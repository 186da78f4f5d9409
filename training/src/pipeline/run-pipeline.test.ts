/**
 * Smoke run of the whole --quick pipeline on a tiny copy of the seed data (3 images per split and class, plus a
 * truncated train and test image that only fail when decoded): it must write a loadable graph model whose metadata
 * is complete and consistent with what the model computes, count the truncated images as skipped, leak no
 * tensors, and on a rerun take every embedding from the cache and reproduce the same model. With every image of a
 * class damaged it must stop before writing anything.
 *
 * --from-run (the export that full mode ends with too), on a tiny fine-tune run (seconds): a truncated train and
 * valid image are left out everywhere and listed (the model is the one made without them), a test split with no
 * image that decodes leaves the model without test figures and with a plain note, and a train or valid class lost
 * at decode stops before the model folder is written.
 */
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calibratedProbability } from '../../../src/shared/model/calibrate';
import type { ModelMetadata } from '../../../src/shared/model/model-metadata';
import { toModelInput } from '../../../src/shared/preprocess/model-input';
import { loadImage } from '../dataset/load-image';
import type { EvaluationResult } from '../evaluate/evaluation-result';
import { predictLogits } from '../evaluate/predict-logits';
import { MAX_SHARD_BYTES } from '../graph-model/write-graph-model';
import { loadGraphModelFromDir } from '../graph-model/node-io';
import { runPipeline, type PipelineReport } from './run-pipeline';
import { defaultPaths, missingData } from '../cli/repo-paths';
import { copySeedSubset } from '../dataset/copy-seed-subset';
import { formatPipelineSummary } from './format-pipeline-summary';
import { runFineTune } from './run-fine-tune';

const { seedData, baseTflite: tflite } = defaultPaths;
const reason = missingData(seedData, tflite);
if (reason) console.warn(`pipeline smoke test skipped: ${reason}`);

const PER_CLASS = 3;

/** A seed image beyond the copied ones, cut to 3000 bytes: its header reads fine, its pixels do not decode. */
function addTruncated(data: string, folder: string): string {
  const name = readdirSync(join(seedData, folder)).sort()[PER_CLASS]!;
  const relPath = `${folder}/truncated-${name}`;
  copyFileSync(join(seedData, folder, name), join(data, relPath));
  truncateSync(join(data, relPath), 3000);
  return relPath;
}
const temp = mkdtempSync(join(tmpdir(), 'naevus-pipeline-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe.skipIf(reason !== '')('train pipeline, --quick, on a tiny subset', () => {
  const data = join(temp, 'data');
  const out = join(temp, 'model');
  const options = {
    mode: 'quick' as const,
    data,
    out,
    base: tflite,
    runsDir: join(temp, 'runs'),
    run: 'smoke',
    cacheDir: join(temp, 'cache'),
    l2Grid: [1, 0.1],
    headEpochs: 50,
    guardComponents: 3,
    now: () => new Date('2026-01-02T03:04:05Z'),
  };
  let first: PipelineReport;
  let tensorsBefore = 0;

  let truncated: string[];

  beforeAll(async () => {
    copySeedSubset(seedData, data, PER_CLASS);
    truncated = [addTruncated(data, 'train/Dangerous'), addTruncated(data, 'test/not_Dangerous')];
    await tf.setBackend('wasm');
    tensorsBefore = tf.memory().numTensors;
    first = await runPipeline(options);
  });

  it('writes one graph model with shards ≤ 2 MiB and nothing else but metadata.json', () => {
    const files = readdirSync(out).sort();
    expect(files).toEqual([...first.files].sort());
    expect(files).toContain('model.json');
    expect(files).toContain('metadata.json');
    const shards = files.filter((f) => f.endsWith('.bin'));
    expect(shards.length).toBeGreaterThan(0);
    for (const s of shards) expect(statSync(join(out, s)).size).toBeLessThanOrEqual(MAX_SHARD_BYTES);
    const modelJson = JSON.parse(readFileSync(join(out, 'model.json'), 'utf8')) as { format: string };
    expect(modelJson.format).toBe('graph-model');
    const metadata = JSON.parse(readFileSync(join(out, 'metadata.json'), 'utf8')) as ModelMetadata;
    expect(metadata.weights.bytes).toBe(shards.reduce((n, s) => n + statSync(join(out, s)).size, 0));
  });

  it('writes complete metadata: calibration, band around the threshold, guard, quantisation, metrics', () => {
    const m = JSON.parse(readFileSync(join(out, 'metadata.json'), 'utf8')) as ModelMetadata;
    expect(m.labels).toEqual(['not_dangerous', 'dangerous']);
    expect(m.input).toEqual({ size: 224, mean: 128, std: 128, range: [-1, 127 / 128] });
    expect(m.outputs).toEqual({ logit: 'logit', features: 'features' });
    expect(m.calibration.method).toBe('platt');
    expect(m.inconclusiveBand[0]).toBeLessThanOrEqual(m.threshold);
    expect(m.threshold).toBeLessThanOrEqual(m.inconclusiveBand[1]);
    expect(m.guard?.featureMean).toHaveLength(1280);
    expect(m.guard?.components).toHaveLength(3);
    expect(m.quantisation?.map((q) => q.dtype)).toEqual(['float32', 'float16', 'mixed', 'uint8']);
    const shipped = m.quantisation!.filter((q) => q.shipped);
    expect(shipped).toHaveLength(1);
    expect(shipped[0]!.dtype).toBe(m.weights.dtype);
    const reference = m.quantisation!.find((q) => q.dtype === 'float32')!;
    // The smallest variant within 0.005 valid AUC of float32 ships.
    const eligible = m.quantisation!.filter((q) => q.validAuc >= reference.validAuc - 0.005);
    expect(shipped[0]!.bytes).toBe(Math.min(...eligible.map((q) => q.bytes)));
    expect(m.metrics.valid?.n).toBe(2 * PER_CLASS);
    expect(m.metrics.test?.n).toBe(2 * PER_CLASS);
    expect(m.training.images).toMatchObject({
      train: 2 * PER_CLASS,
      valid: 2 * PER_CLASS,
      test: 2 * PER_CLASS,
    });
    expect(m.training.dataHash).toMatch(/^[0-9a-f]{64}$/);
    expect(m.baseModel.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(m.createdAt).toBe('2026-01-02T03:04:05.000Z');
  });

  it('counts images that fail to decode as skipped, with the reason, and not as used', () => {
    for (const relPath of truncated) {
      expect(first.skipped).toContainEqual({ relPath, reason: expect.stringMatching(/JPEG/) as string });
    }
    expect(first.images).toMatchObject({ train: 2 * PER_CLASS, test: 2 * PER_CLASS });
  });

  it('leaks no tensors', () => {
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });

  it('ships a model that loads and gives the probabilities the test report lists', async () => {
    const metadata = JSON.parse(readFileSync(join(out, 'metadata.json'), 'utf8')) as ModelMetadata;
    const evaluation = JSON.parse(
      readFileSync(join(options.runsDir, 'smoke', 'test-evaluation.json'), 'utf8'),
    ) as EvaluationResult;
    const image = evaluation.images[0]!;
    const model = await loadGraphModelFromDir(out);
    try {
      const input = toModelInput(await loadImage(join(data, image.path)), metadata.input);
      const [logit] = await predictLogits(model, metadata, [input]);
      expect(calibratedProbability(logit!, metadata.calibration)).toBeCloseTo(image.probability, 6);
    } finally {
      model.dispose();
    }
  });

  it('reruns from the embedding cache and reproduces the same model', async () => {
    const before = readFileSync(join(out, 'metadata.json'), 'utf8');
    const second = await runPipeline(options);
    const features = second.stages.find((s) => s.stage === 'features + head')!;
    const exported = second.stages.find((s) => s.stage.startsWith('export'))!;
    expect(features.images).toBe(0);
    expect(exported.images).toBe(0);
    expect(readFileSync(join(out, 'metadata.json'), 'utf8')).toBe(before);
  });
});

describe.skipIf(reason !== '')('train pipeline, --quick, when a class has no image that decodes', () => {
  it('stops with a plain reason before writing anything to the model folder', async () => {
    const data = join(temp, 'one-class');
    copySeedSubset(seedData, data, PER_CLASS);
    for (const f of readdirSync(join(data, 'train/Dangerous')))
      truncateSync(join(data, 'train/Dangerous', f), 3000);
    await tf.setBackend('wasm');
    const out = join(temp, 'one-class-model');
    await expect(
      runPipeline({
        mode: 'quick',
        data,
        out,
        base: tflite,
        runsDir: join(temp, 'runs'),
        run: 'one-class',
        cacheDir: join(temp, 'cache'),
        l2Grid: [1],
        headEpochs: 5,
      }),
    ).rejects.toThrow(
      /^the train split has no dangerous image that could be decoded \(3 failed, e\.g\. train\/Dangerous/,
    );
    expect(existsSync(out)).toBe(false);
  });
});

describe.skipIf(reason !== '')('train pipeline, --from-run, with images that fail to decode', () => {
  const runsDir = join(temp, 'runs');
  const clean = join(temp, 'from-run-clean');
  const options = (data: string, out: string) => ({
    mode: 'from-run' as const,
    fromRun: 'tiny-fine-tune',
    data,
    out,
    base: tflite,
    runsDir,
    run: `export-${out.split('/').at(-1)!}`,
    cacheDir: join(temp, 'cache'),
    guardComponents: 3,
    now: () => new Date('2026-01-02T03:04:05Z'),
  });
  /** A fresh copy of the tiny subset, with `damage` (if any) applied to it. */
  const subset = (name: string, damage?: (dir: string) => void) => {
    const dir = join(temp, name);
    copySeedSubset(seedData, dir, PER_CLASS);
    damage?.(dir);
    return dir;
  };
  const truncateAll = (dir: string, folder: string) => {
    for (const f of readdirSync(join(dir, folder))) truncateSync(join(dir, folder, f), 3000);
  };

  const metadataIn = (dir: string) =>
    JSON.parse(readFileSync(join(dir, 'metadata.json'), 'utf8')) as ModelMetadata;
  /** model.json and every weight shard byte-identical. */
  const sameWeights = (a: string, b: string, files: string[]) =>
    files
      .filter((f) => f !== 'metadata.json')
      .every((f) => readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
  /** The export of the undamaged subset, for comparison. */
  const reference = { out: join(temp, 'from-run-reference-model') };

  beforeAll(async () => {
    copySeedSubset(seedData, clean, PER_CLASS);
    // The smallest run the fine-tune CLI makes: one epoch of two steps at 96 px, one worker.
    await runFineTune({
      data: clean,
      base: tflite,
      run: join(runsDir, 'tiny-fine-tune'),
      cacheDir: join(temp, 'cache'),
      resume: false,
      extra: ['--limit', '2', '--epochs', '1', '--batch', '2', '--size', '96', '--workers', '1'],
    });
    await tf.setBackend('wasm');
    const report = await runPipeline(options(clean, reference.out));
    expect(report.skipped).toEqual([]);
    expect(metadataIn(reference.out).metrics.test?.n).toBe(2 * PER_CLASS);
  }, 600_000);

  it('leaves out a train and a valid image that fail to decode, lists them, and makes the same model without them', async () => {
    let truncated: string[] = [];
    const data = subset('from-run-damaged', (dir) => {
      truncated = [addTruncated(dir, 'train/Dangerous'), addTruncated(dir, 'valid/not_Dangerous')];
    });
    const out = join(temp, 'from-run-model');
    const report = await runPipeline(options(data, out));

    for (const relPath of truncated)
      expect(report.skipped).toContainEqual({ relPath, reason: expect.stringMatching(/JPEG/) as string });
    const summary = formatPipelineSummary(report);
    for (const relPath of truncated) expect(summary).toContain(`  ${relPath}: corrupt or truncated JPEG`);
    const m = metadataIn(out);
    expect(m.metrics.valid?.n).toBe(2 * PER_CLASS);
    expect(m.training.images).toMatchObject({
      train: 2 * PER_CLASS,
      valid: 2 * PER_CLASS,
      test: 2 * PER_CLASS,
    });
    expect(report.images).toEqual(m.training.images);

    // The export of the same data without the damaged files: the left-out images were left out of every
    // variant, the calibration, the threshold and the guard alike.
    const r = metadataIn(reference.out);
    for (const key of ['calibration', 'threshold', 'inconclusiveBand', 'guard', 'quantisation'] as const)
      expect(m[key], key).toEqual(r[key]);
    expect(m.metrics).toEqual(r.metrics);
    expect(m.training.images).toEqual(r.training.images);
    expect(sameWeights(out, reference.out, report.files)).toBe(true);
  }, 600_000);

  it('writes the model without test figures, with a plain note, when no test image decodes', async () => {
    const data = subset('from-run-test-damaged', (dir) => {
      truncateAll(dir, 'test/Dangerous');
      truncateAll(dir, 'test/not_Dangerous');
    });
    const out = join(temp, 'from-run-test-damaged-model');
    const report = await runPipeline(options(data, out));

    const testImages = ['test/Dangerous', 'test/not_Dangerous'].flatMap((folder) =>
      readdirSync(join(data, folder)).map((f) => `${folder}/${f}`),
    );
    for (const relPath of testImages)
      expect(report.skipped).toContainEqual({ relPath, reason: expect.stringMatching(/JPEG/) as string });
    expect(report.test).toBeNull();
    expect(report.noTestFigures).toBe(
      `none of the ${2 * PER_CLASS} test images could be decoded (each is listed under skipped files)`,
    );
    expect(formatPipelineSummary(report)).toContain(
      `no test figures: none of the ${2 * PER_CLASS} test images could be decoded`,
    );
    expect(JSON.parse(readFileSync(join(report.runDir, 'pipeline-report.json'), 'utf8'))).toMatchObject({
      test: null,
      noTestFigures: report.noTestFigures,
    });

    // The model written before the test stage stays: metadata.json has no test figures and counts no test image.
    expect(readdirSync(out).sort()).toEqual([...report.files].sort());
    const m = metadataIn(out);
    expect(m.metrics.test).toBeUndefined();
    expect(m.metrics.valid).toEqual(metadataIn(reference.out).metrics.valid);
    expect(m.training.images).toMatchObject({ train: 2 * PER_CLASS, valid: 2 * PER_CLASS, test: 0 });
    expect(report.images).toEqual(m.training.images);
    expect(sameWeights(out, reference.out, report.files)).toBe(true);
  }, 600_000);

  it.each([
    [
      'valid',
      'valid/Dangerous',
      /^the valid split has no dangerous image that could be decoded \(3 failed, e\.g\. valid\/Dangerous\//,
    ],
    [
      'train',
      'train/not_Dangerous',
      /^the train split has no not dangerous image that could be decoded \(3 failed, e\.g\. train\/not_Dangerous\//,
    ],
  ])(
    'stops with a plain reason when the %s split loses a class at decode, before writing the model folder',
    async (split, folder, message) => {
      const data = subset(`from-run-no-${split}-class`, (dir) => truncateAll(dir, folder));
      const out = join(temp, `from-run-no-${split}-class-model`);
      await expect(runPipeline(options(data, out))).rejects.toThrow(message);
      expect(existsSync(out)).toBe(false);
    },
    600_000,
  );
});
