import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelMetadata, SplitMetrics } from '../../../src/shared/model/model-metadata';
import type { ManifestEntry } from '../dataset/build-dataset';
import type { LabelConfig } from '../dataset/label-config';
import { loadImage } from '../dataset/load-image';
import { evaluateSavedModel } from '../evaluate/evaluate-saved-model';
import type { EvaluationResult } from '../evaluate/evaluation-result';
import { htmlReport } from '../evaluate/html-report';

/** The SplitMetrics part of an evaluation, as stored in metadata.json. */
export function toSplitMetrics(r: EvaluationResult): SplitMetrics {
  const {
    n,
    accuracy,
    balancedAccuracy,
    sensitivity,
    specificity,
    auc,
    ece,
    threshold,
    confusion,
    levels,
    ci95,
  } = r;
  return {
    n,
    accuracy,
    balancedAccuracy,
    sensitivity,
    specificity,
    auc,
    ece,
    threshold,
    confusion,
    ...(levels ? { levels } : {}),
    ci95,
  };
}

/**
 * Test split, measured once everything is frozen: the exported folder is loaded from disk exactly as shipped
 * and run through the evaluation stage. JSON and the HTML report go to the run folder, not next to the model.
 */
export async function evaluateTest(args: {
  modelDir: string;
  metadata: ModelMetadata;
  data: string;
  labels?: LabelConfig;
  runDir: string;
}): Promise<EvaluationResult> {
  const result = await evaluateSavedModel({
    dataRoot: args.data,
    metadata: args.metadata,
    modelDir: args.modelDir,
    split: 'test',
    ...(args.labels ? { config: args.labels } : {}),
    progressLabel: 'test split',
  });
  mkdirSync(args.runDir, { recursive: true });
  writeFileSync(join(args.runDir, 'test-evaluation.json'), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(join(args.runDir, 'report.html'), htmlReport(result));
  return result;
}

/** The test split's figures, or, when not one of its images decodes, why there are none and each image's reason. */
export type TestOutcome =
  | { result: EvaluationResult }
  | { result: null; note: string; failed: { relPath: string; reason: string }[] };

/**
 * evaluateTest, except that a test split whose images all fail to decode is not an error: the model is written by
 * then and stays as it is, without test figures. Any other failure is thrown as it was.
 */
export async function evaluateTestSplit(
  args: Parameters<typeof evaluateTest>[0] & { test: readonly ManifestEntry[] },
): Promise<TestOutcome> {
  const { test, ...evaluate } = args;
  try {
    return { result: await evaluateTest(evaluate) };
  } catch (error) {
    // Only on failure: the normal path decodes each test image once, in the evaluation.
    const failed = await undecodable(test);
    if (test.length === 0 || failed.length < test.length) throw error;
    return {
      result: null,
      note: `none of the ${test.length} test images could be decoded (each is listed under skipped files)`,
      failed,
    };
  }
}

async function undecodable(
  entries: readonly ManifestEntry[],
): Promise<{ relPath: string; reason: string }[]> {
  const failed: { relPath: string; reason: string }[] = [];
  for (const m of entries) {
    try {
      await loadImage(m.path);
    } catch (error) {
      failed.push({ relPath: m.relPath, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return failed;
}
