import { dirname, join } from 'node:path';

/**
 * The base model's test photos (beside the .tflite in ../shared) and the ImageNet labels a correct float
 * conversion ranks first for each (shared/README.md) — the converter's and the bench references' yardstick.
 */
export const IMAGENET_TOP1: Record<string, string[]> = {
  'cat.bmp': ['Egyptian cat', 'tabby, tabby cat'],
  'grace_hopper.bmp': ['military uniform'],
  'dragonfly.bmp': [
    "dragonfly, darning needle, devil's darning needle, sewing needle, snake feeder, snake doctor, mosquito hawk, skeeter hawk",
  ],
  'hot_dog.jpg': ['hotdog, hot dog, red hot'],
};

export const imagenetTestImagesDir = (tflitePath: string): string => join(dirname(tflitePath), 'test-images');
