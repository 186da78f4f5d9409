/**
 * Checkpoint save/load on a tiny parameter vector: a saved state comes back exactly; a damaged or mismatched
 * checkpoint is refused with a plain message naming the file, and loading it changes nothing on disk (a params.bin
 * cut short used to load as a shorter array and train on from zeros).
 */
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CheckpointError, loadCheckpoint, saveCheckpoint, type TrainState } from './checkpoint';

const TOTAL = 10;
const config = { epochs: 3, seed: 1 };
const temp = mkdtempSync(join(tmpdir(), 'naevus-checkpoint-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function trainState(epoch: number): TrainState {
  const ramp = (k: number) => Float32Array.from({ length: TOTAL }, (_, i) => k * i + epoch);
  return {
    epoch,
    step: 2 * epoch,
    rng: [1, 2, 3, 4 + epoch],
    params: ramp(0.5),
    adam: { m: ramp(0.1), v: ramp(0.01), t: 2 * epoch },
    best: { epoch, auc: 0.75 },
    history: [{ epoch, loss: 0.5, validAuc: 0.75, seconds: 1 }],
    config,
  };
}

/** Every file under a folder with its bytes, to prove a refused load wrote nothing. */
function snapshot(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
  return new Map(
    files.map((d) => [join(d.parentPath, d.name), readFileSync(join(d.parentPath, d.name), 'hex')]),
  );
}

const expected = { total: TOTAL, config };
let saved: string;
beforeAll(() => {
  saved = join(temp, 'saved');
  saveCheckpoint(saved, trainState(1));
});

/** A fresh copy of the saved run to damage. */
function copyOfSaved(name: string): string {
  const dir = join(temp, name);
  cpSync(saved, dir, { recursive: true });
  return dir;
}

describe('checkpoint', () => {
  it('loads exactly what was saved, and nothing for a run without a checkpoint', () => {
    expect(loadCheckpoint(saved, expected)).toEqual(trainState(1));
    expect(loadCheckpoint(join(temp, 'no-run'), expected)).toBeNull();
  });

  const state = (dir: string) => join(dir, 'checkpoint', 'state.json');
  const editState = (dir: string, edit: (s: Record<string, unknown>) => void) => {
    const s = JSON.parse(readFileSync(state(dir), 'utf8')) as Record<string, unknown>;
    edit(s);
    writeFileSync(state(dir), JSON.stringify(s));
  };
  it.each<[string, (dir: string) => void, RegExp]>([
    [
      'state.json cut short',
      (d) => truncateSync(state(d), 20),
      /state\.json is damaged: it is not valid JSON/,
    ],
    ['state.json missing', (d) => rmSync(state(d)), /state\.json is missing/],
    ['state.json without best', (d) => editState(d, (s) => delete s.best), /state\.json is damaged: "best"/],
    ['state.json epoch 1.5', (d) => editState(d, (s) => (s.epoch = 1.5)), /state\.json is damaged: "epoch"/],
    ['state.json rng of 3', (d) => editState(d, (s) => (s.rng = [1, 2, 3])), /state\.json is damaged: "rng"/],
    [
      'state.json as a list',
      (d) => writeFileSync(state(d), '[]'),
      /state\.json is damaged: it is not a JSON object/,
    ],
    [
      // Here longer than the 40 bytes needed: a longer file is as wrong as a shorter one.
      'params.bin of 4000 bytes',
      (d) => writeFileSync(join(d, 'checkpoint', 'params.bin'), new Uint8Array(4000)),
      /params\.bin is damaged: it has 4000 bytes, but the network being trained has 10 parameters \(40 bytes\)/,
    ],
    [
      'params.bin cut short',
      (d) => truncateSync(join(d, 'checkpoint', 'params.bin'), 12),
      /params\.bin is damaged/,
    ],
    [
      'adam-m.bin not whole floats',
      (d) => truncateSync(join(d, 'checkpoint', 'adam-m.bin'), 39),
      /adam-m\.bin is damaged/,
    ],
    ['adam-v.bin missing', (d) => rmSync(join(d, 'checkpoint', 'adam-v.bin')), /adam-v\.bin is missing/],
    [
      'params.bin holding NaN',
      (d) =>
        writeFileSync(
          join(d, 'checkpoint', 'params.bin'),
          new Uint8Array(new Float32Array(TOTAL).fill(NaN).buffer),
        ),
      /params\.bin is damaged: it holds values that are not numbers/,
    ],
  ])('refuses %s by name and changes nothing', (name, damage, message) => {
    const dir = copyOfSaved(name.replace(/\W+/g, '-'));
    damage(dir);
    const before = snapshot(dir);
    expect(() => loadCheckpoint(dir, expected)).toThrow(CheckpointError);
    expect(() => loadCheckpoint(dir, expected)).toThrow(message);
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a resume with other options, or for a network of another size', () => {
    expect(() => loadCheckpoint(saved, { total: TOTAL, config: { ...config, seed: 2 } })).toThrow(
      /^--resume with different options than the run started with: \{"epochs":3,"seed":1\}/,
    );
    expect(() => loadCheckpoint(saved, { total: TOTAL + 1, config })).toThrow(/params\.bin is damaged/);
  });

  it('falls back to checkpoint.old/ (a kill between the save’s two renames) and the next save replaces it', () => {
    const dir = copyOfSaved('old-only');
    renameSync(join(dir, 'checkpoint'), join(dir, 'checkpoint.old'));
    expect(loadCheckpoint(dir, expected)).toEqual(trainState(1));
    saveCheckpoint(dir, trainState(2));
    expect(loadCheckpoint(dir, expected)).toEqual(trainState(2));
    expect(existsSync(join(dir, 'checkpoint.old'))).toBe(false);
    expect(existsSync(join(dir, 'checkpoint.tmp'))).toBe(false);
  });
});
