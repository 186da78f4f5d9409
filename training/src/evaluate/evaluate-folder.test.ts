import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelMetadata } from '../../../src/shared/model/model-metadata';
import { writePng } from '../dataset/write-test-images';
import { evaluateFolder } from './evaluate-folder';
import { formatSummary } from './format-summary';
import { htmlReport } from './html-report';

const temp = mkdtempSync(join(tmpdir(), 'naevus-evaluate-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A flat grey image of the given level: the stub model's logit rises as images get darker. */
function grey(level: number) {
  const data = new Uint8Array(16 * 12 * 4).fill(level);
  return writePng({ width: 16, height: 12, data });
}

/** Stands in for the graph model: logit = −(mean input) · 4, shape [n, 1], named like metadata.outputs.logit. */
function stubModel(seen: string[]): tf.GraphModel {
  return {
    execute: (x: tf.Tensor, name: string) => {
      seen.push(name);
      return tf.tidy(() => x.mean([1, 2, 3]).mul(-4).reshape([-1, 1]));
    },
  } as unknown as tf.GraphModel;
}

const metadata = {
  name: 'stub',
  version: '0',
  input: { size: 8, mean: 128, std: 128, range: [-1, 127 / 128] },
  outputs: { logit: 'logit_out', features: 'features' },
  calibration: { method: 'platt', a: 1, b: 0 },
  threshold: 0.5,
  inconclusiveBand: [0.4, 0.6],
} as unknown as ModelMetadata;

describe('evaluateFolder', () => {
  const root = join(temp, 'data');
  // Dangerous images darker than not-dangerous ones, except one dangerous image that is bright (a miss).
  const levels = { Dangerous: [20, 40, 60, 80, 200], not_Dangerous: [150, 170, 190, 210, 230] };
  for (const [folder, list] of Object.entries(levels)) {
    mkdirSync(join(root, folder), { recursive: true });
    list.forEach((level, i) => writeFileSync(join(root, folder, `img${i}.png`), grey(level)));
  }
  writeFileSync(join(root, 'Dangerous', 'broken.png'), 'not a png');

  it('measures the model at its threshold and lists skipped files', async () => {
    const seen: string[] = [];
    const before = tf.memory().numTensors;
    const result = await evaluateFolder({
      dataRoot: root,
      model: stubModel(seen),
      metadata,
      modelDir: 'stub',
      batchSize: 3,
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(seen.every((n) => n === 'logit_out')).toBe(true);
    expect(result.data.split).toBe('all');
    expect(result.n).toBe(10);
    // Mean input for level L is (L − 128)/128; logit −4× that: dangerous levels < 128 → p > 0.5.
    expect(result.confusion).toEqual({ tp: 4, fn: 1, tn: 5, fp: 0 });
    expect(result.sensitivity).toBeCloseTo(0.8, 12);
    // The bright dangerous image (200) outranks only 210 and 230 among the not-dangerous: AUC = (4·5 + 2)/25.
    expect(result.auc).toBeCloseTo(22 / 25, 12);
    expect(result.roc[0]!.threshold).toBeNull();
    expect(result.skipped).toEqual([
      { path: 'Dangerous/broken.png', reason: expect.stringMatching(/not an image/) },
    ]);
    const bright = result.images.find((i) => i.path === 'Dangerous/img4.png')!;
    expect(bright.probability).toBeCloseTo(1 / (1 + Math.exp(-(-4 * ((200 - 128) / 128)))), 5);
    // JSON-safe: no Infinity/NaN sneaks into the file as null where a number is expected.
    expect(JSON.parse(JSON.stringify(result)).auc).toBeCloseTo(22 / 25, 12);

    const summary = formatSummary(result);
    expect(summary).toMatch(/79\.4% \(100\/126; 51 TN\/12 FP\/14 FN\/49 TP/);
    expect(summary).toMatch(/sensitivity\s+80\.0%/);
  });

  it('writes a self-contained HTML report in plain words', async () => {
    const result = await evaluateFolder({ dataRoot: root, model: stubModel([]), metadata, modelDir: 'stub' });
    result.images[0]!.path = '<script>alert(1)</script>.png';
    const html = htmlReport(result, new Date('2026-01-01T00:00:00Z'));
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('dangerous moles the model flagged');
    expect(html).toContain('dangerous moles the model missed');
    expect(html).toContain('What these numbers mean');
    expect(html).toMatch(/<svg[^>]*class="roc"/);
    expect(html).toContain('shipped threshold');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toMatch(/<(script|link)\b|src="http/);
  });
});
