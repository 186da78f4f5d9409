/**
 * npm run measure-guard -w training -- [--shared ../shared] [--model public/model] [--isic 400 | --all]
 *   [--refit] [--calibrate] [--no-screenshots] [--dist dist] [--chromium /usr/bin/chromium] [--save-guard f.json]
 *
 * Measures the quality and domain guard the app runs before its verdict:
 * - acceptance on in-domain dermoscopy: the seed TEST split and the held-out half of ISIC 2017 (a seeded
 *   sample of --isic n, default 400, or --all 1,000; --all also reports the fitted half, in-sample);
 * - rejection of non-skin and unusable images: the base model's ImageNet test photos, synthetic frames
 *   (blank, grey, flat colours, noise, UI-like screens), seed test images made too dark, overexposed and
 *   blurred in code, and screenshots of the built app (when dist/ exists).
 * The domain limits come from metadata.json's `guard`, or, when it has none (or with --refit), are fitted
 * here exactly as the export stage should: on the seed TRAIN features plus the ISIC fit half, limit from
 * those and the seed VALID distances.
 * --calibrate also prints the statistic distributions the quality thresholds were chosen from (seed
 * train/valid, ISIC, and train/valid images degraded in code — never the test split).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { assessDomain } from '../../../src/shared/guard/assess-domain';
import { assessImage, type GuardVerdict } from '../../../src/shared/guard/assess-image';
import { judgeQuality, type QualityAssessment } from '../../../src/shared/guard/assess-quality';
import { computeQualityStats, type QualityStats } from '../../../src/shared/guard/quality-stats';
import type { DomainGuardSpec, ModelMetadata } from '../../../src/shared/model/model-metadata';
import { centreSquare } from '../../../src/shared/preprocess/centre-square';
import { cropResizeRgb } from '../../../src/shared/preprocess/crop-resize';
import { normalise } from '../../../src/shared/preprocess/normalise';
import type { RgbaImage } from '../../../src/shared/preprocess/rgba-image';
import { failWithUsage } from '../cli/cli-error';
import { progressBar } from '../cli/progress-bar';
import { defaultPaths, repoRoot, userPath } from '../cli/repo-paths';
import { loadImage } from '../dataset/load-image';
import { loadGraphModelFromDir } from '../graph-model/node-io';
import { captureAppScreenshots } from './capture-screenshots';
import { blurImage, exposeImage } from './degrade-image';
import { fitDomainGuard } from './fit-domain-guard';
import { baseTestImages, isicHalves, sample, seedSplit } from './guard-image-sets';
import { modelFeatures } from './model-features';
import { printCalibration } from './print-calibration';
import { cachedScores, modelKey, type RawScore } from './score-cache';
import { syntheticNegatives } from './synthetic-negatives';

const USAGE =
  'usage: npm run measure-guard -w training -- [--shared <dir>] [--model <dir>] [--isic <n> | --all] [--refit] [--calibrate] [--no-screenshots] [--dist <dir>] [--chromium <path>] [--save-guard <file.json>]';

/** An image source: a name and a way to get its pixels (decoded lazily so memory stays flat). */
export interface ImageSource {
  name: string;
  load: () => Promise<RgbaImage>;
}

export interface ScoredImage {
  set: string;
  name: string;
  quality: QualityAssessment;
  features: Float32Array;
}

/** Degradations, in 224-pixel units so they mean the same at any source resolution. */
export const degradations = {
  dark: (img: RgbaImage) => exposeImage(img, 0.12),
  overexposed: (img: RgbaImage) => exposeImage(img, 2.2, 60),
  blurred: (img: RgbaImage) => blurImage(img, (3 * Math.min(img.width, img.height)) / 224),
  'mildly-blurred': (img: RgbaImage) => blurImage(img, (1.5 * Math.min(img.width, img.height)) / 224),
} as const;

function parse() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        shared: { type: 'string' },
        model: { type: 'string' },
        isic: { type: 'string' },
        all: { type: 'boolean', default: false },
        refit: { type: 'boolean', default: false },
        calibrate: { type: 'boolean', default: false },
        'no-screenshots': { type: 'boolean', default: false },
        dist: { type: 'string' },
        chromium: { type: 'string' },
        'save-guard': { type: 'string' },
      },
      strict: true,
    }));
  } catch (e) {
    failWithUsage((e as Error).message, USAGE);
  }
  const isic = values.all ? 'all' : Number(values.isic ?? 400);
  if (isic !== 'all' && !(Number.isInteger(isic) && isic >= 0))
    failWithUsage('--isic must be a whole number', USAGE);
  return {
    shared: values.shared ? userPath(values.shared) : defaultPaths.shared,
    model: values.model ? userPath(values.model) : defaultPaths.modelOut,
    isic: isic as number | 'all',
    refit: values.refit ?? false,
    calibrate: values.calibrate ?? false,
    screenshots: !(values['no-screenshots'] ?? false),
    dist: values.dist ? userPath(values.dist) : join(repoRoot, 'dist'),
    chromium: values.chromium ?? '/usr/bin/chromium',
    saveGuard: values['save-guard'] ? userPath(values['save-guard']) : undefined,
  };
}

const fromFile = (path: string): ImageSource => ({ name: basename(path), load: () => loadImage(path) });

/** For files regenerated on each run (screenshots): the content hash in the name keeps the cache honest. */
const fromFreshFile = (path: string): ImageSource => ({
  name: `${basename(path)}#${createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 12)}`,
  load: () => loadImage(path),
});

function degraded(paths: string[], kind: keyof typeof degradations): ImageSource[] {
  return paths.map((p) => ({
    name: `${basename(p)}:${kind}`,
    load: async () => degradations[kind](await loadImage(p)),
  }));
}

/**
 * Quality statistics on the 0..255 crop, then features from the normalised copy (the app's order of
 * operations); raw scores are cached per model, and the quality rules are applied afresh on every run.
 */
async function scoreSet(set: string, sources: ImageSource[], ctx: ScoringContext): Promise<ScoredImage[]> {
  const size = ctx.metadata.input.size;
  const raw = await cachedScores(
    ctx.cacheDir,
    ctx.key,
    set,
    sources.map((s) => s.name),
    async (missing) => {
      const wanted = new Set(missing);
      const todo = sources.filter((s) => wanted.has(s.name));
      const out: RawScore[] = [];
      const bar = progressBar(set.padEnd(20), todo.length);
      for (let start = 0; start < todo.length; start += 16) {
        const chunk = todo.slice(start, start + 16);
        const stats: QualityStats[] = [];
        const inputs: Float32Array[] = [];
        for (const source of chunk) {
          const image = await source.load();
          const rgb = cropResizeRgb(image, centreSquare(image.width, image.height), size);
          stats.push(computeQualityStats(rgb, size));
          inputs.push(normalise(rgb, ctx.metadata.input));
        }
        const features = await modelFeatures(ctx.model, inputs, size, ctx.metadata.outputs.features);
        chunk.forEach((source, i) =>
          out.push({ name: source.name, stats: stats[i]!, features: features[i]! }),
        );
        bar.tick(chunk.length);
      }
      bar.done();
      return out;
    },
  );
  return raw.map((r) => ({
    set,
    name: r.name,
    quality: { ...judgeQuality(r.stats), stats: r.stats },
    features: r.features,
  }));
}

interface ScoringContext {
  model: tf.GraphModel;
  metadata: ModelMetadata;
  cacheDir: string;
  key: string;
}

function pct(k: number, n: number): string {
  return n === 0 ? '   –  ' : `${((100 * k) / n).toFixed(1).padStart(5)}%`;
}

type Goal = 'accept' | 'reject' | 'info';

function report(name: string, verdicts: GuardVerdict[], goal: Goal): { n: number; hit: number } {
  const n = verdicts.length;
  const accepted = verdicts.filter((v) => v.ok).length;
  const hit = goal === 'accept' ? accepted : n - accepted;
  const counts = new Map<string, number>();
  for (const v of verdicts) for (const p of v.problems) counts.set(p, (counts.get(p) ?? 0) + 1);
  const problems = [...counts].map(([p, c]) => `${p} ${c}`).join(', ');
  // Which half of the guard fired: the pixel rules, the feature-space distance, or both.
  const byQuality = verdicts.filter((v) => !v.quality.ok).length;
  const byDomain = verdicts.filter((v) => v.domain && !v.domain.inDomain).length;
  const dist = verdicts.map((v) => v.domain?.distance ?? NaN).sort((a, b) => a - b);
  const median = dist[Math.floor(dist.length / 2)];
  console.log(
    `${name.padEnd(26)} ${String(n).padStart(5)}  ${goal === 'accept' ? 'accepted' : 'rejected'} ${pct(hit, n)}  ${String(byQuality).padStart(4)} ${String(byDomain).padStart(4)}  ${median?.toFixed(2) ?? '   –'}  ${problems}`,
  );
  return { n, hit };
}

async function main(): Promise<void> {
  const args = parse();
  await tf.setBackend('wasm');
  const metadata = JSON.parse(readFileSync(join(args.model, 'metadata.json'), 'utf8')) as ModelMetadata;
  const model = await loadGraphModelFromDir(args.model);
  console.log(`model: ${metadata.name} ${metadata.version} (${args.model}), backend ${tf.getBackend()}`);

  const train = seedSplit(args.shared, 'train');
  const valid = seedSplit(args.shared, 'valid');
  const test = seedSplit(args.shared, 'test');
  if (train.length === 0 || test.length === 0) failWithUsage(`no seed images under ${args.shared}`, USAGE);
  const ctx: ScoringContext = {
    model,
    metadata,
    cacheDir: join(defaultPaths.cache, 'guard-scores'),
    key: modelKey(args.model),
  };
  const score = (set: string, sources: ImageSource[]) => scoreSet(set, sources, ctx);

  const isic = isicHalves(args.shared);
  let guard: DomainGuardSpec | undefined = metadata.guard;
  let fitted: { train: ScoredImage[]; valid: ScoredImage[]; isicFit: ScoredImage[] } | undefined;
  if (!guard || args.refit || args.calibrate || args.isic === 'all') {
    fitted = {
      train: await score('seed-train', train.map(fromFile)),
      valid: await score('seed-valid', valid.map(fromFile)),
      isicFit: await score('isic-fit-half', isic.fit.map(fromFile)),
    };
  }
  if (!guard || args.refit) {
    guard = fitDomainGuard(
      [...fitted!.train, ...fitted!.isicFit].map((s) => s.features),
      {
        calibrationFeatures: fitted!.valid.map((s) => s.features),
      },
    );
    console.log(
      `domain guard: fitted now on seed train (${train.length}) + ISIC fit half (${isic.fit.length}), limit from those + seed valid (${valid.length}): maxDistance ${guard.maxDistance}`,
    );
  } else {
    console.log(`domain guard: from metadata.json, maxDistance ${guard.maxDistance}`);
  }
  if (args.saveGuard) writeFileSync(args.saveGuard, `${JSON.stringify(guard)}\n`);
  const spec = guard;
  const verdict = (s: ScoredImage) => assessImage(s.quality, assessDomain(s.features, spec));

  const everyOther = test.filter((_, i) => i % 2 === 0);
  const screenshots = args.screenshots
    ? await captureAppScreenshots(args.dist, join(defaultPaths.cache, 'guard-screenshots'), args.chromium)
    : [];
  const sets: { name: string; goal: Goal; scored: ScoredImage[] }[] = [
    { name: 'seed test', goal: 'accept', scored: await score('seed-test', test.map(fromFile)) },
    {
      name: `ISIC held-out (${args.isic})`,
      goal: 'accept',
      scored: await score('isic-held-out', sample(isic.heldOut, args.isic).map(fromFile)),
    },
    ...(args.isic === 'all' && fitted
      ? [{ name: 'ISIC fit half (in-sample)', goal: 'accept' as const, scored: fitted.isicFit }]
      : []),
    {
      name: 'ImageNet test photos',
      goal: 'reject',
      scored: await score('imagenet', baseTestImages(args.shared).map(fromFile)),
    },
    {
      name: 'synthetic frames',
      goal: 'reject',
      scored: await score(
        'synthetic',
        syntheticNegatives().map((n) => ({ name: n.name, load: async () => n.image })),
      ),
    },
    {
      name: 'app screenshots',
      goal: 'reject',
      scored: await score('screenshots', screenshots.map(fromFreshFile)),
    },
    {
      name: 'seed test, too dark',
      goal: 'reject',
      scored: await score('dark', degraded(everyOther, 'dark')),
    },
    {
      name: 'seed test, overexposed',
      goal: 'reject',
      scored: await score('overexposed', degraded(everyOther, 'overexposed')),
    },
    {
      name: 'seed test, blurred σ=3',
      goal: 'reject',
      scored: await score('blurred', degraded(everyOther, 'blurred')),
    },
    // Informational, outside the goal: where the blur limit sits.
    {
      name: 'seed test, blurred σ=1.5',
      goal: 'info',
      scored: await score('mildly-blurred', degraded(everyOther, 'mildly-blurred')),
    },
  ];
  if (screenshots.length === 0)
    console.log(`app screenshots: none (no build at ${args.dist}, or --no-screenshots)`);

  console.log(
    `\nset                            n  result          q✗   d✗  median distance (limit ${spec.maxDistance}); problems`,
  );
  const totals = { accept: { n: 0, hit: 0 }, reject: { n: 0, hit: 0 }, info: { n: 0, hit: 0 } };
  for (const set of sets) {
    const verdicts = set.scored.map(verdict);
    const r = report(set.name, verdicts, set.goal);
    totals[set.goal].n += r.n;
    totals[set.goal].hit += r.hit;
    if (set.goal !== 'accept') {
      const missed = set.scored.filter((_, i) => verdicts[i]!.ok).map((s) => s.name);
      if (missed.length > 0)
        console.log(
          `${' '.repeat(28)}accepted: ${missed.slice(0, 8).join(', ')}${missed.length > 8 ? ', …' : ''}`,
        );
    }
  }
  const acceptSets = sets.filter((s) => s.goal === 'accept');
  const accept = acceptSets.map(
    (s) => s.scored.map(verdict).filter((v) => v.ok).length / Math.max(1, s.scored.length),
  );
  console.log(
    `\nacceptance: ${acceptSets.map((s, i) => `${s.name} ${pct(accept[i]! * s.scored.length, s.scored.length).trim()}`).join(', ')} (goal ≥ 98% each)`,
  );
  console.log(
    `rejection of non-skin/unusable images: ${pct(totals.reject.hit, totals.reject.n).trim()} of ${totals.reject.n} (goal ≥ 90%)`,
  );

  if (args.calibrate && fitted) {
    const trainValid = [...train, ...valid].filter((_, i) => i % 4 === 0);
    printCalibration(
      [
        { name: 'seed train+valid', scored: [...fitted.train, ...fitted.valid] },
        { name: 'isic', scored: [...fitted.isicFit, ...sets[1]!.scored] },
        { name: 'tv dark', scored: await score('tv-dark', degraded(trainValid, 'dark')) },
        {
          name: 'tv overexposed',
          scored: await score('tv-overexposed', degraded(trainValid, 'overexposed')),
        },
        { name: 'tv blurred', scored: await score('tv-blurred', degraded(trainValid, 'blurred')) },
        ...sets.filter((s) => s.goal === 'reject' && !s.name.startsWith('seed test')),
      ],
      spec,
    );
  }
}

await main();
