import { photos } from './support/paths';
import { expect, test } from './support/test';

// Every tensor in the worker is released: twenty analyses leave as many tensors alive as one did.
test('20 analyses do not grow the worker’s tensor count', async ({ app }) => {
  test.setTimeout(300_000);
  await app.open();

  // The first analysis may allocate lasting state (e.g. backend buffers); measure from after it.
  await app.analyseFile(photos.mole);
  const before = await app.tensorCount();
  for (let i = 0; i < 20; i++) {
    await app.analyseFile(i % 2 === 0 ? photos.otherMole : photos.mole);
  }
  const after = await app.tensorCount();
  test
    .info()
    .annotations.push({ type: 'tensors', description: `after 1 analysis ${before}, after 21 ${after}` });
  expect(before).toBeGreaterThan(0);
  expect(after).toBeLessThanOrEqual(before);
});
