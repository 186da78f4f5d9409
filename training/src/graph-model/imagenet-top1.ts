import * as tf from '@tensorflow/tfjs';
import type { ModelInputSpec } from '../../../src/shared/model/model-metadata';
import { toModelInput } from '../../../src/shared/preprocess/model-input';
import { loadImage } from '../dataset/load-image';

/** MobileNetV2's input: (x - 128) / 128, 224×224. */
export const BASE_INPUT: ModelInputSpec = { size: 224, mean: 128, std: 128, range: [-1, 127 / 128] };

export interface Top1 {
  index: number;
  label: string;
  logit: number;
}

/** One image file → the network input tensor [1, size, size, 3] through the shared preprocessing path. */
export async function imageToInput(path: string, input: ModelInputSpec = BASE_INPUT): Promise<tf.Tensor4D> {
  const pixels = toModelInput(await loadImage(path), input);
  return tf.tensor4d(pixels, [1, input.size, input.size, 3]);
}

/** Top-1 ImageNet class of one image, from a graph model with an `imagenet_logits` output. */
export async function imagenetTop1(model: tf.GraphModel, imagePath: string, labels: string[]): Promise<Top1> {
  const x = await imageToInput(imagePath);
  const logits = model.execute(x, 'imagenet_logits') as tf.Tensor;
  x.dispose();
  const values = await logits.data();
  logits.dispose();
  let index = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[index]!) index = i;
  return { index, label: labels[index] ?? `#${index}`, logit: values[index]! };
}
