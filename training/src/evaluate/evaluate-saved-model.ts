import { progressBar } from '../cli/progress-bar';
import { loadGraphModelFromDir } from '../graph-model/node-io';
import { evaluateFolder, type EvaluateOptions } from './evaluate-folder';
import type { EvaluationResult } from './evaluation-result';

/**
 * Loads the exported graph model from its folder (exactly as shipped), evaluates a folder of class folders with
 * a progress bar on stderr, and frees the model's weights again: shared by `npm run evaluate` and the pipeline's
 * test stage so both measure the same way.
 */
export async function evaluateSavedModel(
  options: Omit<EvaluateOptions, 'model' | 'onProgress'> & { progressLabel: string },
): Promise<EvaluationResult> {
  const { progressLabel, ...evaluate } = options;
  const model = await loadGraphModelFromDir(options.modelDir);
  let bar: ReturnType<typeof progressBar> | null = null;
  let reported = 0;
  try {
    return await evaluateFolder({
      ...evaluate,
      model,
      onProgress: (done, total) => {
        bar ??= progressBar(progressLabel, total);
        bar.tick(done - reported);
        reported = done;
        if (done === total) bar.done();
      },
    });
  } finally {
    model.dispose();
  }
}
