import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { calibratedProbability } from '../../src/shared/model/calibrate';
import type { ModelMetadata } from '../../src/shared/model/model-metadata';
import { toModelInput } from '../../src/shared/preprocess/model-input';
import type { RgbaImage } from '../../src/shared/preprocess/rgba-image';

/**
 * The Node side of "the app and training agree": the committed model in public/model run by tfjs (wasm
 * backend) on the same shared preprocessing, centre square, calibrated the same way.
 */
export interface NodeReference {
  probability(image: RgbaImage): Promise<number>;
  dispose(): void;
}

export async function loadNodeReference(modelDir: string): Promise<NodeReference> {
  await tf.setBackend('wasm');
  await tf.ready();
  const metadata = JSON.parse(await readFile(path.join(modelDir, 'metadata.json'), 'utf8')) as ModelMetadata;
  const model = await tf.loadGraphModel(fileHandler(modelDir));
  const { size } = metadata.input;
  return {
    async probability(image) {
      const logit = tf.tidy(() => {
        const input = tf.tensor4d(toModelInput(image, metadata.input), [1, size, size, 3]);
        return model.execute(input, metadata.outputs.logit) as tf.Tensor;
      });
      const [value] = await logit.data();
      logit.dispose();
      return calibratedProbability(value!, metadata.calibration);
    },
    dispose: () => model.dispose(),
  };
}

function fileHandler(modelDir: string): tf.io.IOHandler {
  return {
    async load() {
      const json = JSON.parse(await readFile(path.join(modelDir, 'model.json'), 'utf8')) as tf.io.ModelJSON;
      const weightSpecs = json.weightsManifest.flatMap((group) => group.weights);
      const shards = await Promise.all(
        json.weightsManifest.flatMap((group) => group.paths).map((p) => readFile(path.join(modelDir, p))),
      );
      const weights = Buffer.concat(shards);
      return {
        modelTopology: json.modelTopology,
        format: json.format,
        generatedBy: json.generatedBy,
        convertedBy: json.convertedBy,
        signature: json.signature,
        userDefinedMetadata: json.userDefinedMetadata,
        modelInitializer: json.modelInitializer,
        weightSpecs,
        weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
      };
    },
  };
}
