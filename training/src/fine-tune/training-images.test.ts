/**
 * Which images a fine-tune run trains on when some cannot be used: a file that passes the dataset stage's header
 * check but fails to decode (a JPEG cut short) is left out by name and the rest are used; a split left without a
 * class stops the run with a plain reason. Synthetic images in a temporary folder; no shared data needed.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { afterAll, describe, expect, it } from 'vitest';
import { gradientImage, writePng } from '../dataset/write-test-images';
import { missingClasses } from './missing-classes';
import { loadTrainingImages, UnusableDataError } from './training-images';

const temp = mkdtempSync(join(tmpdir(), 'naevus-training-images-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const FOLDERS = ['train/Dangerous', 'train/not_Dangerous', 'valid/Dangerous', 'valid/not_Dangerous'];

/** Two distinct PNGs per split and class (distinct, or the dataset stage would drop them as duplicates). */
function dataFolder(name: string, folders = FOLDERS): string {
  const root = join(temp, name);
  let seed = 0;
  for (const folder of folders) {
    mkdirSync(join(root, folder), { recursive: true });
    for (const file of ['b.png', 'c.png'])
      writeFileSync(join(root, folder, file), writePng(gradientImage(16, 12, ++seed)));
  }
  return root;
}

/** A JPEG cut in half: its header (and so the dataset stage's check) is intact, its pixels are not. */
function truncatedJpeg(): Uint8Array {
  const image = gradientImage(64, 64, 99);
  const full = jpeg.encode({ data: Buffer.from(image.data), width: 64, height: 64 }, 90).data;
  return full.subarray(0, full.length / 2);
}

describe('loadTrainingImages', () => {
  it('leaves out a file that fails to decode, says which and why, and keeps images aligned with entries', async () => {
    const root = dataFolder('truncated');
    writeFileSync(join(root, 'train/Dangerous/a-cut.jpg'), truncatedJpeg());
    const lines: string[] = [];
    const data = await loadTrainingImages(root, undefined, (l) => lines.push(l));
    expect(lines.filter((l) => l.startsWith('skipped'))).toEqual([
      expect.stringMatching(/^skipped train\/Dangerous\/a-cut\.jpg: corrupt or truncated JPEG/) as string,
    ]);
    expect(data.train.map((m) => m.relPath)).not.toContain('train/Dangerous/a-cut.jpg');
    expect(data.train).toHaveLength(4);
    expect(data.valid).toHaveLength(4);
    // Worker image i is [...train, ...valid][i].
    const entries = [...data.train, ...data.valid];
    expect(data.images).toHaveLength(entries.length);
    data.images.forEach((image, i) => {
      expect([image.width, image.height]).toEqual([entries[i]!.width, entries[i]!.height]);
      expect(image.data.buffer).toBeInstanceOf(SharedArrayBuffer);
    });
  });

  it('stops with a plain reason when the files left out empty a class of a split', async () => {
    const root = dataFolder('truncated-only');
    writeFileSync(join(root, 'train/Dangerous/a-cut.jpg'), truncatedJpeg());
    // --limit 1 keeps the first file by name of each class: the cut one, for train/Dangerous.
    const run = loadTrainingImages(root, 1, () => {});
    await expect(run).rejects.toBeInstanceOf(UnusableDataError);
    await expect(run).rejects.toThrow(
      /no usable images in train\/Dangerous once the 1 file\(s\) that could not be decoded are left out/,
    );
  });

  it('refuses data with one class in a split before decoding anything', async () => {
    const root = dataFolder('one-class', FOLDERS.slice(0, 3));
    const lines: string[] = [];
    await expect(loadTrainingImages(root, undefined, (l) => lines.push(l))).rejects.toThrow(
      /^the data has no usable images in valid\/not_Dangerous: training needs readable images of both classes/,
    );
    expect(lines.some((l) => l.startsWith('decoded'))).toBe(false);
  });

  it('turns an unreadable data folder into a plain reason', async () => {
    const file = join(temp, 'not-a-folder');
    writeFileSync(file, 'x');
    await expect(loadTrainingImages(file, undefined, () => {})).rejects.toThrow(
      /^cannot read the data folder .*not-a-folder/,
    );
  });
});

describe('missingClasses', () => {
  it('names every split and class folder without an image', () => {
    expect(missingClasses([])).toEqual([
      'train/Dangerous',
      'train/not_Dangerous',
      'valid/Dangerous',
      'valid/not_Dangerous',
    ]);
    expect(
      missingClasses([
        { split: 'train', label: 'dangerous' },
        { split: 'train', label: 'not_dangerous' },
        { split: 'valid', label: 'dangerous' },
        { split: 'test', label: 'not_dangerous' },
      ]),
    ).toEqual(['valid/not_Dangerous']);
  });
});
