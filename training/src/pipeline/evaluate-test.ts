import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelMetadata, SplitMetrics } from '../../../src/shared/model/model-metadata';
import type { LabelConfig } from '../dataset/label-config';
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
