import path from 'node:path';
import { generated, missing, sharedDir } from './support/paths';
import { expect, test } from './support/test';

// Inputs that are no close-up of skin: the quality/domain guard must say "inconclusive", not low or high.
const baseTestImages = path.join(sharedDir, 'models', 'mobilenet_v2_1.0_224_quant', 'test-images');

const cases = [
  { name: 'a blank grey image', file: generated.greyJpeg, needsShared: false },
  { name: 'a landscape photo', file: generated.landscapeJpeg, needsShared: false },
  { name: 'a photo of a dragonfly', file: path.join(baseTestImages, 'dragonfly.bmp'), needsShared: true },
  { name: 'a portrait', file: path.join(baseTestImages, 'grace_hopper.bmp'), needsShared: true },
];

test.describe('quality and domain guard', () => {
  test.beforeEach(async ({ app }) => {
    await app.open();
  });

  for (const { name, file, needsShared } of cases) {
    test(`${name} is inconclusive, by the guard`, async ({ app }) => {
      const reason = needsShared ? missing(file) : null;
      test.skip(reason !== null, reason ?? '');
      const verdict = await app.analyseFile(file);
      expect(verdict.risk).toBe('inconclusive');
      expect(verdict.guardRejected, 'inconclusive only by probability, the guard did not object').toBe(true);
    });
  }
});
