import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadImage } from '../training/src/dataset/load-image';
import { loadNodeReference, type NodeReference } from './support/node-reference';
import { missing, modelDir, seedImages } from './support/paths';
import { expect, test } from './support/test';

// The app (browser decode, worker, tfjs in Chromium) and Node (jpeg-js/BMP decode, tfjs wasm) run the same
// model on the same centre square: their calibrated probabilities must agree.
const tolerance = 0.02;

const cases = [
  { name: 'a seed test JPEG', file: seedImages.dangerousJpeg },
  { name: 'an original seed BMP', file: seedImages.bmp },
];

let reference: NodeReference | undefined;

test.beforeAll(async () => {
  if (existsSync(path.join(modelDir, 'model.json'))) reference = await loadNodeReference(modelDir);
});

test.afterAll(() => reference?.dispose());

for (const { name, file } of cases) {
  test(`${name} gets a risk level and the probability Node computes`, async ({ app }) => {
    const reason = missing(file);
    test.skip(reason !== null, reason ?? '');

    await app.open();
    const verdict = await app.analyseFile(file);
    await expect(app.page.getByTestId('risk-level')).not.toBeEmpty();

    expect(reference, 'public/model/model.json is missing').toBeDefined();
    const expected = await reference!.probability(await loadImage(file));
    test.info().annotations.push({
      type: 'probability',
      description: `app ${verdict.probability.toFixed(4)}, node ${expected.toFixed(4)}`,
    });
    expect(Math.abs(verdict.probability - expected)).toBeLessThanOrEqual(tolerance);
  });
}
