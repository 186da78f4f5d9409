import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelMetadata, SplitMetrics } from '../../../src/shared/model/model-metadata';
import type { LabelConfig } from '../dataset/label-config';
import { evaluateFolder } from '../evaluate/evaluate-folder';
import type { EvaluationResult } from '../evaluate/evaluation-result';
import { htmlReport } from '../evaluate/html-report';
import { loadGraphModelFromDir } from '../graph-model/node-io';
import { progressBar } from '../cli/progress-bar';

/** The SplitMetrics part of an evaluation, as stored in metadata.json. */
export function toSplitMetrics(r: EvaluationResult): SplitMetrics {
  const { n, accuracy, balancedAccuracy, sensitivity, specificity, auc, ece, threshold, confusion, ci95 } = r;
  return { n, accuracy, balancedAccuracy, sensitivity, specificity, auc, ece, threshold, confusion, ci95 };
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
  const model = await loadGraphModelFromDir(args.modelDir);
  let bar: ReturnType<typeof progressBar> | null = null;
  let reported = 0;
  try {
    const result = await evaluateFolder({
      dataRoot: args.data,
      model,
      metadata: args.metadata,
      modelDir: args.modelDir,
      split: 'test',
      ...(args.labels ? { config: args.labels } : {}),
      onProgress: (done, total) => {
        bar ??= progressBar('test split', total);
        bar.tick(done - reported);
        reported = done;
        if (done === total) bar.done();
      },
    });
    mkdirSync(args.runDir, { recursive: true });
    writeFileSync(join(args.runDir, 'test-evaluation.json'), `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(join(args.runDir, 'report.html'), htmlReport(result));
    return result;
  } finally {
    model.dispose();
  }
}
