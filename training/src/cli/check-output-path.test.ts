import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { outputPathProblem } from './check-output-path';

const temp = mkdtempSync(join(tmpdir(), 'naevus-output-path-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const file = join(temp, 'a-file');
writeFileSync(file, 'x');

describe('outputPathProblem', () => {
  it('accepts an existing folder, an existing file, and a path that can be made, creating nothing', () => {
    expect(outputPathProblem(temp, 'folder')).toBeNull();
    expect(outputPathProblem(file, 'file')).toBeNull();
    expect(outputPathProblem(join(temp, 'new/deeper/model'), 'folder')).toBeNull();
    expect(outputPathProblem(join(temp, 'new/report.json'), 'file')).toBeNull();
    expect(readdirSync(temp)).toEqual(['a-file']);
  });

  it('refuses a file where a folder is needed, and a folder where a file is', () => {
    expect(outputPathProblem(file, 'folder')).toBe(`${file} is a file, not a folder`);
    expect(outputPathProblem(temp, 'file')).toBe(`${temp} is a folder, not a file`);
  });

  it('refuses a path inside a file, however deep', () => {
    expect(outputPathProblem(join(file, 'x.json'), 'file')).toBe(
      `${file} is a file, so ${join(file, 'x.json')} cannot be made inside it`,
    );
    expect(outputPathProblem(join(file, 'a/b'), 'folder')).toMatch(/a-file is a file, so/);
  });

  // Node's recursive mkdir loops forever on /proc/x; the check must answer instead.
  it.skipIf(!existsSync('/proc/self'))(
    'refuses a place that does not accept new folders, such as /proc',
    () => {
      expect(outputPathProblem('/proc/naevus-model', 'folder')).toMatch(
        /^\/proc\/naevus-model cannot be created: \/proc does not accept new files/,
      );
    },
  );
});
