import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mixedTargets, readSoftTargets } from './soft-targets';

const dir = mkdtempSync(join(tmpdir(), 'soft-targets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('readSoftTargets', () => {
  it('reads a teacher-targets file', () => {
    const path = file('ok.json', JSON.stringify({ teachers: ['a', 'b'], targets: { h1: 0.2, h2: 1 } }));
    expect(readSoftTargets(path)).toEqual({ teachers: ['a', 'b'], targets: { h1: 0.2, h2: 1 } });
  });

  it('answers a missing, corrupt or wrong file with one sentence naming it', () => {
    expect(() => readSoftTargets(join(dir, 'absent.json'))).toThrow(
      /cannot read soft targets .*absent\.json/,
    );
    expect(() => readSoftTargets(file('corrupt.json', '{"teachers": ['))).toThrow(/cannot read soft targets/);
    expect(() => readSoftTargets(file('null.json', 'null'))).toThrow(/is not a soft-targets file/);
    const outOfRange = file('range.json', JSON.stringify({ teachers: [], targets: { h: 1.5 } }));
    expect(() => readSoftTargets(outOfRange)).toThrow(/is not a soft-targets file/);
  });
});

describe('mixedTargets', () => {
  const images = [
    { sha256: 'h1', relPath: 'train/a.jpg' },
    { sha256: 'h2', relPath: 'train/b.jpg' },
  ];
  const soft = { teachers: ['t'], targets: { h1: 0.2, h2: 0.9 } };

  it('is the label without soft targets', () => {
    expect(mixedTargets(images, [1, 0], null, 0.5)).toEqual([1, 0]);
  });

  it('mixes label and teacher by the weight', () => {
    const [a, b] = mixedTargets(images, [1, 0], soft, 0.5);
    expect(a).toBeCloseTo(0.6, 12);
    expect(b).toBeCloseTo(0.45, 12);
    expect(mixedTargets(images, [1, 0], soft, 1)).toEqual([0.2, 0.9]);
    expect(mixedTargets(images, [1, 0], soft, 0)).toEqual([1, 0]);
  });

  it('names the image a soft-targets file lacks', () => {
    expect(() =>
      mixedTargets([...images, { sha256: 'h3', relPath: 'train/c.jpg' }], [1, 0, 1], soft, 0.5),
    ).toThrow('train/c.jpg');
  });
});
