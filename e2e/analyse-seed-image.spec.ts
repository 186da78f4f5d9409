import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadNodeReference, type NodeReference } from './support/node-reference';
import { distDir, missing, seedImages } from './support/paths';
import { expect, test } from './support/test';

// The app (browser decode, worker, tfjs in Chromium) and the Node evaluation (its own JPEG/BMP decoders, tfjs
// wasm) run the same model on the same centre square: their calibrated probabilities must agree.
const tolerance = 0.02;

// Default backend first (wasm in headless Chromium without a GPU), then the pure-JS fallback on one image.
const cases = [
  { name: 'a seed test JPEG', file: seedImages.dangerousJpeg, backend: undefined },
  { name: 'an original seed BMP', file: seedImages.bmp, backend: undefined },
  { name: 'an original seed BMP on the cpu fallback', file: seedImages.bmp, backend: 'cpu' },
];

// The model the browser was served (dist/model, copied from public/model by the build), not a newer one.
const servedModel = path.join(distDir, 'model');
let reference: NodeReference | undefined;

test.beforeAll(async () => {
  if (existsSync(path.join(servedModel, 'model.json'))) reference = await loadNodeReference(servedModel);
});

test.afterAll(() => reference?.dispose());

for (const { name, file, backend } of cases) {
  test(`${name} gets a risk level and the probability Node computes`, async ({ app }) => {
    const reason = missing(file);
    test.skip(reason !== null, reason ?? '');

    await app.open(backend ? `?backend=${backend}` : '');
    if (backend) await expect(app.page.getByTestId('model-status')).toContainText(`engine: ${backend}`);
    const verdict = await app.analyseFile(file);
    await expect(app.page.getByTestId('risk-level')).not.toBeEmpty();

    expect(reference, `${servedModel}/model.json is missing`).toBeDefined();
    const expected = await reference!.probability(file);
    test.info().annotations.push({
      type: 'probability',
      description: `app ${verdict.probability.toFixed(4)}, node ${expected.toFixed(4)}, ${verdict.risk}${
        verdict.guardRejected ? ' (guard rejected)' : ''
      }`,
    });
    expect(Math.abs(verdict.probability - expected)).toBeLessThanOrEqual(tolerance);
  });
}
