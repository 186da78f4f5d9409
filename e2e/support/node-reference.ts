import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { calibratedProbability } from '../../src/shared/model/calibrate';
import { toModelInput } from '../../src/shared/preprocess/model-input';
import { loadImage } from '../../training/src/dataset/load-image';
import { predictLogits } from '../../training/src/evaluate/predict-logits';
import { readModelMetadata } from '../../training/src/evaluate/read-model-metadata';
import { loadGraphModelFromDir } from '../../training/src/graph-model/node-io';

/**
 * The Node side of "the app and training agree": the pieces the evaluate CLI uses (its decoder, the shared
 * toModelInput on the centre square, predictLogits, calibratedProbability) on the committed model, tfjs wasm.
 */
export interface NodeReference {
  probability(imagePath: string): Promise<number>;
  dispose(): void;
}

export async function loadNodeReference(modelDir: string): Promise<NodeReference> {
  await tf.setBackend('wasm');
  await tf.ready();
  const metadata = readModelMetadata(modelDir);
  const model = await loadGraphModelFromDir(modelDir);
  return {
    async probability(imagePath) {
      const input = toModelInput(await loadImage(imagePath), metadata.input);
      const [logit] = await predictLogits(model, metadata, [input]);
      return calibratedProbability(logit!, metadata.calibration);
    },
    dispose: () => model.dispose(),
  };
}
