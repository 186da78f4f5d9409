import { chromiumPath, quietChromiumArgs, softwareWebglArgs } from './support/chromium-flags';
import type { NaevusApp } from './support/naevus-app';
import { missing, seedImages } from './support/paths';
import { expect, test } from './support/test';

// The same photo through the WebGL and the wasm backend (forced with ?backend=) must give the same calibrated
// probability: float16 textures, packing or fused kernels must not change the answer.
const tolerance = 0.02;

// WebGL must exist for this spec: the project's --disable-gpu would take it away. Headless Chromium then draws
// WebGL with SwiftShader (software), which has to be allowed explicitly.
test.use({
  launchOptions: {
    executablePath: chromiumPath,
    args: [...quietChromiumArgs, ...softwareWebglArgs],
  },
});

// SwiftShader compiles the WebGL shaders on the CPU: the first result takes a while on a busy machine.
test.setTimeout(300_000);

async function probabilityOn(app: NaevusApp, backend: 'webgl' | 'wasm', file: string): Promise<number> {
  await app.page.goto(`/?backend=${backend}`);
  await app.waitForModel();
  const status = app.page.getByTestId('model-status');
  await expect(status, `the app did not start on ${backend}`).toContainText(`engine: ${backend}`);
  return (await app.analyseFile(file)).probability;
}

test('a seed image gets the same probability on WebGL and on wasm', async ({ app }) => {
  const reason = missing(seedImages.dangerousJpeg);
  test.skip(reason !== null, reason ?? '');

  const webgl = await probabilityOn(app, 'webgl', seedImages.dangerousJpeg);
  const wasm = await probabilityOn(app, 'wasm', seedImages.dangerousJpeg);
  test.info().annotations.push({
    type: 'probability',
    description: `webgl ${webgl.toFixed(4)}, wasm ${wasm.toFixed(4)}`,
  });
  expect(Math.abs(webgl - wasm)).toBeLessThanOrEqual(tolerance);
});
