import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fineTunedRunProblem } from './check-fine-tuned-run';

const runs = mkdtempSync(join(tmpdir(), 'naevus-run-check-'));
afterAll(() => rmSync(runs, { recursive: true, force: true }));

/** A run folder with a best epoch of 10 parameters. */
function run(name: string): string {
  const best = join(runs, name, 'best');
  mkdirSync(best, { recursive: true });
  const info = {
    format: 'naevus-fine-tuned/1',
    epoch: 3,
    input: { size: 192 },
    layout: { total: 10, entries: [] },
  };
  writeFileSync(join(best, 'model.json'), JSON.stringify(info));
  writeFileSync(join(best, 'params.bin'), new Uint8Array(40));
  return best;
}

describe('fineTunedRunProblem', () => {
  it('accepts a complete run', () => {
    run('good');
    expect(fineTunedRunProblem(runs, 'good')).toBeNull();
  });

  it('names a run that does not exist, or has no best epoch', () => {
    expect(fineTunedRunProblem(runs, 'no-such-run')).toBe(`no run "no-such-run" in ${runs}`);
    mkdirSync(join(runs, 'empty'));
    expect(fineTunedRunProblem(runs, 'empty')).toMatch(/^run "empty" has no best epoch saved/);
    expect(fineTunedRunProblem(runs, '../etc')).toMatch(/must be a plain folder name/);
  });

  it('says what is wrong with a damaged model.json or params.bin', () => {
    const corrupt = run('corrupt');
    writeFileSync(join(corrupt, 'model.json'), '{"epoch": 3,');
    expect(fineTunedRunProblem(runs, 'corrupt')).toBe(`${join(corrupt, 'model.json')} is not valid JSON`);
    writeFileSync(join(corrupt, 'model.json'), 'null');
    expect(fineTunedRunProblem(runs, 'corrupt')).toMatch(/is not a fine-tuned model description/);
    const truncated = run('truncated');
    truncateSync(join(truncated, 'params.bin'), 22);
    expect(fineTunedRunProblem(runs, 'truncated')).toMatch(
      /params\.bin holds 5 values but model\.json says 10/,
    );
    rmSync(join(truncated, 'params.bin'));
    expect(fineTunedRunProblem(runs, 'truncated')).toMatch(/has no weights file/);
  });
});
