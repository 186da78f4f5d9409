import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDataset } from './build-dataset';
import { loadLabelConfig } from './label-config';
import { loadImage } from './load-image';
import { gradientImage, writeBmp, writePng } from './write-test-images';

const temp = mkdtempSync(join(tmpdir(), 'naevus-dataset-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function put(root: string, rel: string, bytes: Uint8Array | string) {
  const path = join(root, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
}

/** n distinct tiny images per class, alternating PNG and BMP. */
function makeUnsplit(root: string, perClass: number) {
  for (const [folder, offset] of [
    ['Dangerous', 0],
    ['not_Dangerous', 1000],
  ] as const) {
    for (let i = 0; i < perClass; i++) {
      const image = gradientImage(3 + (i % 4), 2 + (i % 3), offset + i);
      const bytes =
        i % 2 ? writeBmp(image, { bitsPerPixel: 24, topDown: i % 4 === 1, headerSize: 40 }) : writePng(image);
      put(root, `${folder}/img${i}.${i % 2 ? 'bmp' : 'png'}`, bytes);
    }
  }
}

describe('buildDataset on a folder without a split', () => {
  const root = join(temp, 'unsplit');
  makeUnsplit(root, 20);

  it('makes a stratified split', async () => {
    const { report, manifest } = await buildDataset(root, { verify: true });
    expect(report.split).not.toBe('folders');
    // 20 per class at 70/15/15 → 14/3/3 of each class.
    for (const label of ['dangerous', 'not_dangerous'] as const) {
      expect(report.counts.train[label]).toBe(14);
      expect(report.counts.valid[label]).toBe(3);
      expect(report.counts.test[label]).toBe(3);
    }
    expect(manifest).toHaveLength(40);
    expect(report.skipped).toEqual([]);
    expect(report.formats).toEqual({ png: 20, bmp: 20 });
    expect(manifest.every((m) => m.width >= 3 && m.height >= 2 && /^[0-9a-f]{64}$/.test(m.sha256))).toBe(
      true,
    );
    // The header-only probe (the default, used by training and evaluation) sees the same sizes as a full decode.
    expect((await buildDataset(root)).manifest).toEqual(manifest);
  });

  it('is deterministic and follows content, not names or location', async () => {
    const first = await buildDataset(root);
    const moved = join(temp, 'unsplit-renamed');
    cpSync(root, moved, { recursive: true });
    renameSync(join(moved, 'Dangerous/img0.png'), join(moved, 'Dangerous/zz-renamed.png'));
    const second = await buildDataset(moved);
    const splitBySha = (d: typeof first) => Object.fromEntries(d.manifest.map((m) => [m.sha256, m.split]));
    expect(splitBySha(second)).toEqual(splitBySha(first));
    expect(second.report.dataHash).toBe(first.report.dataHash);
    // Another seed gives another split (so the seed is really used).
    const reseeded = await buildDataset(root, { seed: 2 });
    expect(splitBySha(reseeded)).not.toEqual(splitBySha(first));
    expect(reseeded.report.dataHash).not.toBe(first.report.dataHash);
  });

  it('keeps identical files together: a copy is dropped, never split apart', async () => {
    const withCopy = join(temp, 'unsplit-copy');
    cpSync(root, withCopy, { recursive: true });
    for (let i = 0; i < 20; i += 2)
      cpSync(join(withCopy, `Dangerous/img${i}.png`), join(withCopy, `Dangerous/copy${i}.png`));
    const { manifest, report } = await buildDataset(withCopy);
    expect(manifest).toHaveLength(40);
    expect(report.duplicates).toHaveLength(10);
    expect(new Set(manifest.map((m) => m.sha256)).size).toBe(manifest.length);
  });
});

describe('buildDataset on a train/valid/test folder', () => {
  const root = join(temp, 'presplit');
  const img = (seed: number) => writePng(gradientImage(4, 3, seed));
  put(root, 'train/Dangerous/a.png', img(1));
  put(root, 'train/Dangerous/deeper/clinic-b/b.png', img(2));
  put(root, 'train/NOT-dangerous/c.png', img(3));
  put(root, 'valid/dangerous/d.png', img(4));
  put(root, 'valid/Not Dangerous/e.png', img(5));
  put(root, 'test/Dangerous/leak-of-a.png', img(1)); // same bytes as train/Dangerous/a.png
  put(root, 'test/not_Dangerous/f.png', img(6));
  put(root, 'test/not_Dangerous/g.png', img(7));
  put(root, 'test/Dangerous/h.png', img(8));
  put(root, 'test/not_Dangerous/h-mislabelled-copy.png', img(8)); // same bytes, other class
  // Bad files: each must be skipped with a reason, none may stop the run.
  put(root, 'train/Dangerous/empty.jpg', new Uint8Array(0));
  put(root, 'train/Dangerous/notes.txt', 'not an image');
  put(root, 'train/Dangerous/animated.gif', 'GIF89a......');
  const bmp = writeBmp(gradientImage(5, 4), { bitsPerPixel: 24, topDown: false, headerSize: 40 });
  put(root, 'train/not_Dangerous/truncated.bmp', bmp.subarray(0, bmp.length - 30));
  const jpegHeaderOnly = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);
  put(root, 'train/not_Dangerous/broken.jpg', jpegHeaderOnly);
  put(root, 'train/not_Dangerous/.DS_Store', 'junk');
  // A header claiming 20000×20000 (400 MP): refused from the header alone, without --verify too.
  const giant = img(11).slice();
  new DataView(giant.buffer).setUint32(16, 20000);
  new DataView(giant.buffer).setUint32(20, 20000);
  put(root, 'train/not_Dangerous/giant.png', giant);
  put(root, 'train/Unsure/x.png', img(9));
  put(root, 'valid/Dangerous/really-a-png.jpg', img(10));

  it('uses the folders, maps names loosely, and goes any depth', async () => {
    const { report, manifest } = await buildDataset(root, { verify: true });
    expect(report.split).toBe('folders');
    expect(manifest.find((m) => m.relPath.endsWith('clinic-b/b.png'))).toMatchObject({
      label: 'dangerous',
      split: 'train',
    });
    expect(manifest.find((m) => m.relPath === 'valid/Not Dangerous/e.png')?.label).toBe('not_dangerous');
    expect(manifest.find((m) => m.relPath === 'valid/Dangerous/really-a-png.jpg')?.format).toBe('png');
    expect(report.counts).toEqual({
      train: { dangerous: 2, not_dangerous: 1 },
      valid: { dangerous: 2, not_dangerous: 1 },
      test: { dangerous: 0, not_dangerous: 2 },
    });
  });

  it('drops a test copy of a training image and a file filed under both classes', async () => {
    const { report, manifest } = await buildDataset(root);
    const paths = manifest.map((m) => m.relPath);
    expect(paths).toContain('train/Dangerous/a.png');
    expect(paths).not.toContain('test/Dangerous/leak-of-a.png');
    expect(paths).not.toContain('test/Dangerous/h.png');
    expect(paths).not.toContain('test/not_Dangerous/h-mislabelled-copy.png');
    const leak = report.duplicates.find((d) => d.relPath === 'test/Dangerous/leak-of-a.png');
    expect(leak).toMatchObject({ keptRelPath: 'train/Dangerous/a.png' });
    expect(leak?.reason).toMatch(/already in train/);
    expect(report.duplicates.filter((d) => d.keptRelPath === null)).toHaveLength(2);
  });

  it('skips each bad file with a plain reason', async () => {
    const { report } = await buildDataset(root, { verify: true });
    const reasons = Object.fromEntries(report.skipped.map((s) => [s.relPath, s.reason]));
    expect(reasons['train/Dangerous/empty.jpg']).toBe('empty file');
    expect(reasons['train/Dangerous/notes.txt']).toMatch(/not an image/);
    expect(reasons['train/Dangerous/animated.gif']).toMatch(/GIF/);
    expect(reasons['train/not_Dangerous/truncated.bmp']).toMatch(/truncated BMP/);
    expect(reasons['train/not_Dangerous/broken.jpg']).toMatch(/JPEG/);
    expect(reasons['train/Unsure/x.png']).toMatch(/not in a known class folder/);
    const giant = 'image too large (20000×20000, over 100 megapixels)';
    expect(reasons['train/not_Dangerous/giant.png']).toBe(giant);
    const unverified = await buildDataset(root);
    expect(unverified.report.skipped.find((s) => s.relPath.endsWith('giant.png'))?.reason).toBe(giant);
    expect(Object.keys(reasons)).not.toContain('train/not_Dangerous/.DS_Store');
    expect(report.unlabelledFolders).toEqual([{ folder: 'train/Unsure', files: 1 }]);
  });

  it('takes other class names from a label config', async () => {
    const configPath = join(temp, 'labels.json');
    writeFileSync(configPath, JSON.stringify({ classes: { dangerous: ['dangerous', 'unsure'] } }));
    const { manifest } = await buildDataset(root, { config: loadLabelConfig(configPath) });
    expect(manifest.find((m) => m.relPath === 'train/Unsure/x.png')?.label).toBe('dangerous');
  });
});

describe('loadImage', () => {
  it('decodes by signature, whatever the extension', async () => {
    const image = gradientImage(5, 3, 4);
    put(temp, 'misnamed.bmp', writePng(image));
    const loaded = await loadImage(join(temp, 'misnamed.bmp'));
    expect(Array.from(loaded.data)).toEqual(Array.from(image.data));
    expect(readFileSync(join(temp, 'misnamed.bmp'))[1]).toBe(0x50); // really PNG
  });
});

describe('buildDataset with symlinks', () => {
  it('follows linked files and folders and reports a dangling link', async () => {
    const { symlinkSync } = await import('node:fs');
    const root = join(temp, 'linked');
    put(temp, 'elsewhere/a.png', writePng(gradientImage(3, 3, 21)));
    put(temp, 'elsewhere/more/b.png', writePng(gradientImage(3, 3, 22)));
    put(root, 'not_Dangerous/c.png', writePng(gradientImage(3, 3, 23)));
    mkdirSync(join(root, 'Dangerous'), { recursive: true });
    symlinkSync(join(temp, 'elsewhere/a.png'), join(root, 'Dangerous/a.png'));
    symlinkSync(join(temp, 'elsewhere/more'), join(root, 'Dangerous/more'));
    symlinkSync(join(temp, 'nowhere.png'), join(root, 'Dangerous/dangling.png'));
    const { manifest, report } = await buildDataset(root);
    expect(manifest.map((m) => m.relPath).sort()).toEqual([
      'Dangerous/a.png',
      'Dangerous/more/b.png',
      'not_Dangerous/c.png',
    ]);
    expect(report.skipped.map((s) => s.relPath)).toEqual(['Dangerous/dangling.png']);
    expect(report.skipped[0]!.reason).toMatch(/could not read/);
  });
});

describe('buildDataset with folder links that loop', () => {
  const root = join(temp, 'looped');
  put(root, 'train/Dangerous/a.png', writePng(gradientImage(3, 3, 31)));
  put(root, 'train/not_Dangerous/b.png', writePng(gradientImage(3, 3, 32)));
  put(root, 'valid/Dangerous/c.png', writePng(gradientImage(3, 3, 33)));
  put(root, 'test/not_Dangerous/d.png', writePng(gradientImage(3, 3, 34)));
  put(temp, 'outside/e.png', writePng(gradientImage(3, 3, 35)));

  it('skips a link back up the tree, with a reason, instead of walking it ~40 levels deep', async () => {
    const { symlinkSync } = await import('node:fs');
    symlinkSync('..', join(root, 'train/Dangerous/up'));
    symlinkSync('../../..', join(root, 'train/not_Dangerous/to-root'));
    const { manifest, report } = await buildDataset(root);
    // The link to the root must not file the valid and test images under train.
    expect(report.counts).toEqual({
      train: { dangerous: 1, not_dangerous: 1 },
      valid: { dangerous: 1, not_dangerous: 0 },
      test: { dangerous: 0, not_dangerous: 1 },
    });
    expect(manifest).toHaveLength(4);
    expect(report.duplicates).toEqual([]);
    expect(report.skipped).toEqual([
      { relPath: 'train/Dangerous/up/', reason: expect.stringMatching(/contains it \(a loop/) as string },
      { relPath: 'train/not_Dangerous/to-root/', reason: expect.stringMatching(/a loop/) as string },
    ]);
    rmSync(join(root, 'train/Dangerous/up'));
    rmSync(join(root, 'train/not_Dangerous/to-root'));
  });

  it('reads a folder once, however many links lead to it', async () => {
    const { symlinkSync } = await import('node:fs');
    symlinkSync(join(temp, 'outside'), join(root, 'train/Dangerous/first'));
    symlinkSync(join(temp, 'outside'), join(root, 'train/Dangerous/second'));
    symlinkSync(join(root, 'valid/Dangerous'), join(root, 'train/Dangerous/valid-alias'));
    const { manifest, report } = await buildDataset(root);
    expect(manifest.map((m) => m.relPath)).toContain('train/Dangerous/first/e.png');
    expect(manifest.find((m) => m.relPath === 'valid/Dangerous/c.png')?.split).toBe('valid');
    expect(Object.fromEntries(report.skipped.map((s) => [s.relPath, s.reason]))).toEqual({
      'train/Dangerous/second/': 'same folder as "train/Dangerous/first", already read once',
      'train/Dangerous/valid-alias/': 'link to "valid/Dangerous", which is read in its own place',
    });
    for (const link of ['first', 'second', 'valid-alias']) rmSync(join(root, 'train/Dangerous', link));
  });

  it('finishes on two links back up one folder (was exponential), in a child process so a hang fails', async () => {
    const { spawnSync } = await import('node:child_process');
    const { symlinkSync } = await import('node:fs');
    const twice = join(temp, 'looped-twice');
    cpSync(root, twice, { recursive: true });
    symlinkSync('..', join(twice, 'train/Dangerous/a-loop'));
    symlinkSync('..', join(twice, 'train/Dangerous/b-loop'));
    const script =
      `import { walkClassFolders } from ${JSON.stringify(join(__dirname, 'walk-class-folders.ts'))};` +
      `import { DEFAULT_LABEL_CONFIG } from ${JSON.stringify(join(__dirname, 'label-config.ts'))};` +
      `const w = walkClassFolders(${JSON.stringify(twice)}, DEFAULT_LABEL_CONFIG);` +
      `console.log(JSON.stringify({ files: w.files.length, skipped: w.skippedFolders.length }));`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(r.error).toBeUndefined();
    expect(JSON.parse(r.stdout)).toEqual({ files: 4, skipped: 2 });
  });
});
