import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelMetadata } from '../../../src/shared/model/model-metadata';
import { writePng } from '../dataset/write-test-images';
import { evaluateSavedModel } from './evaluate-saved-model';

const modelDir = resolve(__dirname, '../../../public/model');
const metadataPath = join(modelDir, 'metadata.json');
const metadata = existsSync(metadataPath)
  ? (JSON.parse(readFileSync(metadataPath, 'utf8')) as ModelMetadata)
  : null;
if (!metadata) console.warn(`evaluateSavedModel test skipped: ${metadataPath} not found`);

const temp = mkdtempSync(join(tmpdir(), 'naevus-evaluate-saved-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
beforeAll(async () => {
  await tf.setBackend('wasm');
});

describe.skipIf(!metadata)('evaluateSavedModel', () => {
  it('loads the model folder, evaluates every image and frees the weights again', async () => {
    for (const [folder, levels] of Object.entries({ Dangerous: [30, 60], not_Dangerous: [180, 210] })) {
      mkdirSync(join(temp, folder), { recursive: true });
      levels.forEach((level, i) =>
        writeFileSync(
          join(temp, folder, `img${i}.png`),
          writePng({ width: 32, height: 32, data: new Uint8Array(32 * 32 * 4).fill(level) }),
        ),
      );
    }
    const before = tf.memory().numTensors;
    const result = await evaluateSavedModel({
      dataRoot: temp,
      metadata: metadata!,
      modelDir,
      progressLabel: 'test',
    });
    expect(result.n).toBe(4);
    expect(result.confusion.tp + result.confusion.fn).toBe(2);
    expect(tf.memory().numTensors).toBe(before);
  });
});
