import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gradientImage, writePng } from '../dataset/write-test-images';
import { prepareData } from './prepare-data';

const temp = mkdtempSync(join(tmpdir(), 'naevus-prepare-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('prepareData on class folders with unknown names', () => {
  it('says which folder names it expects, which folders it did not know, and mentions --labels', async () => {
    let seed = 0;
    for (const split of ['train', 'valid']) {
      for (const cls of ['Malignant', 'Benign']) {
        mkdirSync(join(temp, split, cls), { recursive: true });
        writeFileSync(join(temp, split, cls, 'a.png'), writePng(gradientImage(3, 3, seed++)));
      }
    }
    const error = await prepareData(temp).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain('the train split needs both classes (dangerous 0, not dangerous 0)');
    expect(message).toContain('named "dangerous" (dangerous) or "not dangerous" (not dangerous)');
    expect(message).toContain('train/Benign (1 file), train/Malignant (1 file)');
    expect(message).toContain('--labels <labels.json>');
  });
});
