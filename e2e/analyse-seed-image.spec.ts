import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadNodeReference, type NodeReference } from './support/node-reference';
import type { Page } from '@playwright/test';
import type { Verdict } from './support/naevus-app';
import { distDir, missing, seedImages, sharedDir } from './support/paths';
import { expect, test } from './support/test';

// The app (browser decode, worker, tfjs in Chromium) and the Node evaluation (its own decoders, tfjs wasm) run
// the same model on the same centre square. Node decodes JPEG with libjpeg-turbo like Chromium, so the pixels
// are identical and only float rounding between backends remains (with jpeg-js it was up to 0.014, enough to
// move a photo across a band edge).
const tolerance = 1e-3;

// The user review's photo: 0.7195 in the app, just under the band's upper edge (0.7224), read "Inconclusive"
// with "Model estimate: 72%" beside "From 72%: have it checked"; Node's old JPEG decoder gave it 0.7330.
const nearBandEdge = path.join(sharedDir, 'datasets', 'seed-dermoscopy', 'test', 'Dangerous', 'D505.jpg');

// Default backend first (wasm in headless Chromium without a GPU), then the pure-JS fallback on one image.
const cases = [
  { name: 'a seed test JPEG', file: seedImages.dangerousJpeg, backend: undefined },
  { name: 'a seed test JPEG near the inconclusive band’s edge', file: nearBandEdge, backend: undefined },
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

/** The shown number, read against the scale shown under the bar, must give the verdict shown above it. */
async function expectNumberReadsAsVerdict(page: Page, verdict: Verdict): Promise<string> {
  const label = (await page.locator('#probability-label').textContent()) ?? '';
  const scale = (await page.locator('#probability-scale').textContent()) ?? '';
  const shown = Number(/Model estimate: (\d+)%/.exec(label)?.[1]);
  const edges = /Below (\d+)%: low concern\..*From (\d+)%: have it checked\./.exec(scale);
  expect(edges, scale).not.toBeNull();
  const [low, high] = [Number(edges![1]), Number(edges![2])];
  const read = shown < low ? 'low' : shown < high ? 'inconclusive' : 'high';
  expect(read, `${label} | ${scale}`).toBe(verdict.risk);
  return `${label}; ${scale}`;
}

for (const { name, file, backend } of cases) {
  test(`${name} gets a risk level and the probability Node computes`, async ({ app }) => {
    const reason = missing(file);
    test.skip(reason !== null, reason ?? '');

    await app.open(backend ? `?backend=${backend}` : '');
    if (backend) await expect(app.page.getByTestId('model-status')).toContainText(`engine: ${backend}`);
    const verdict = await app.analyseFile(file);
    await expect(app.page.getByTestId('risk-level')).not.toBeEmpty();
    const shown = verdict.guardRejected
      ? 'no number shown'
      : await expectNumberReadsAsVerdict(app.page, verdict);

    expect(reference, `${servedModel}/model.json is missing`).toBeDefined();
    const expected = await reference!.probability(file);
    test.info().annotations.push({
      type: 'probability',
      description: `app ${verdict.probability.toFixed(4)}, node ${expected.toFixed(4)}, ${verdict.risk}${
        verdict.guardRejected ? ' (guard rejected)' : ''
      }; ${shown}`,
    });
    expect(Math.abs(verdict.probability - expected)).toBeLessThanOrEqual(tolerance);
  });
}
