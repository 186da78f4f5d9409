import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readModelFiles } from './read-model-files';

const temp = mkdtempSync(join(tmpdir(), 'naevus-model-files-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/**
 * A model folder as writeGraphModel lays it out: 3000 float32 values + 1000 float16 ones (14,000 bytes) in shards
 * of 8192 bytes. tfjs is not needed: only the files are read.
 */
function modelDir(name: string): string {
  const dir = join(temp, name);
  mkdirSync(dir, { recursive: true });
  const paths = ['group1-shard1of2.bin', 'group1-shard2of2.bin'];
  writeFileSync(
    join(dir, 'model.json'),
    JSON.stringify({
      format: 'graph-model',
      modelTopology: { node: [] },
      weightsManifest: [
        {
          paths,
          weights: [
            { name: 'a', shape: [30, 100], dtype: 'float32' },
            { name: 'b', shape: [1000], dtype: 'float32', quantization: { dtype: 'float16' } },
          ],
        },
      ],
    }),
  );
  writeFileSync(join(dir, paths[0]!), new Uint8Array(8192));
  writeFileSync(join(dir, paths[1]!), new Uint8Array(14000 - 8192));
  return dir;
}

describe('readModelFiles', () => {
  it('reads a whole folder', () => {
    const files = readModelFiles(modelDir('whole'));
    expect(files.weightData.length).toBe(14000);
    expect(files.specs.map((s) => s.name)).toEqual(['a', 'b']);
  });

  it('names the shard that is shorter than model.json says, last or not', () => {
    const last = modelDir('short-last');
    truncateSync(join(last, 'group1-shard2of2.bin'), 5000);
    expect(() => readModelFiles(last)).toThrow(
      /^weights file group1-shard2of2\.bin is shorter than .*model\.json says \(5000 of 5808 bytes\)/,
    );
    const three = join(temp, 'short-middle');
    mkdirSync(three);
    const json = {
      format: 'graph-model',
      modelTopology: {},
      weightsManifest: [
        {
          paths: ['s1.bin', 's2.bin', 's3.bin'],
          weights: [{ name: 'a', shape: [5000], dtype: 'float32' }],
        },
      ],
    };
    writeFileSync(join(three, 'model.json'), JSON.stringify(json));
    writeFileSync(join(three, 's1.bin'), new Uint8Array(8192));
    writeFileSync(join(three, 's2.bin'), new Uint8Array(8000));
    writeFileSync(join(three, 's3.bin'), new Uint8Array(20000 - 2 * 8192));
    expect(() => readModelFiles(three)).toThrow(/weights file s2\.bin is shorter .*\(8000 of 8192 bytes\)/);
  });

  it('says what is wrong with a damaged model.json, naming it', () => {
    const dir = modelDir('damaged');
    const path = join(dir, 'model.json');
    writeFileSync(path, '{"format": "graph-model" "modelTopology"');
    expect(() => readModelFiles(dir)).toThrow(`${path} is not valid JSON`);
    writeFileSync(path, 'null');
    expect(() => readModelFiles(dir)).toThrow(`${path} is not a graph model description`);
    writeFileSync(
      path,
      JSON.stringify({ modelTopology: {}, weightsManifest: [{ paths: ['../../x'], weights: [] }] }),
    );
    expect(() => readModelFiles(dir)).toThrow(/lists a weights file outside its folder/);
    rmSync(path);
    expect(() => readModelFiles(dir)).toThrow(/model\.json is missing/);
  });

  it('names a missing shard', () => {
    const dir = modelDir('missing-shard');
    rmSync(join(dir, 'group1-shard2of2.bin'));
    expect(() => readModelFiles(dir)).toThrow(
      /weights file group1-shard2of2\.bin \(listed in model\.json\) is missing/,
    );
  });
});
