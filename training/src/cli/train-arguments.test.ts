/**
 * `npm run train` on bad arguments: a one-line error, the usage, exit code 2, and nothing trained. Runs the CLI as
 * a child process (its argument parsing exits the process); no shared data needed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const script = resolve(__dirname, 'train.ts');
const dataDir = mkdtempSync(join(tmpdir(), 'naevus-train-args-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const aFile = join(dataDir, 'a-file');
writeFileSync(aFile, 'x');

function train(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8' });
  return { code: r.status, stderr: r.stderr, stdout: r.stdout };
}

describe('npm run train: bad arguments', () => {
  it.each<[string[], RegExp]>([
    [['--no-such-option'], /^error: Unknown option '--no-such-option'/],
    [['--quick', '--from-run', 'x'], /^error: --quick and --from-run exclude each other\n/],
    [['--run', '../escape'], /^error: --run must be a plain folder name/],
    [['--data', join(dataDir, 'missing')], /^error: --data .* is not a folder\n/],
    // The pipeline hands the fine-tune stage its own data, base, run folder and feature cache.
    [
      ['--data', dataDir, '--base', script, '--fine-tune-args=--cache /tmp/elsewhere'],
      /^error: --fine-tune-args must not set --data, --base, --run, --resume or --cache/,
    ],
    // Output locations are checked before the work, not found unwritable at its end.
    [
      ['--quick', '--data', dataDir, '--base', script, '--out', aFile],
      /^error: --out: .*a-file is a file, not a folder\n/,
    ],
    [
      ['--quick', '--data', dataDir, '--base', script, '--out', join(aFile, 'model')],
      /^error: --out: .*a-file is a file, so .* cannot be made inside it\n/,
    ],
    // Node's recursive mkdir loops forever on /proc/x.
    ...(existsSync('/proc/self')
      ? [
          [
            ['--quick', '--data', dataDir, '--base', script, '--out', '/proc/naevus-model'],
            /^error: --out: \/proc\/naevus-model cannot be created/,
          ] as [string[], RegExp],
        ]
      : []),
    // The fine-tune stage's options are checked by its own parser before the dataset stage.
    [
      ['--data', dataDir, '--base', script, '--fine-tune-args=--epochs abc'],
      /^error: --fine-tune-args: --epochs must be/,
    ],
    [
      ['--quick', '--data', dataDir, '--base', script, '--fine-tune-args=--epochs 3'],
      /^error: --fine-tune-args applies to full/,
    ],
    [
      ['--data', dataDir, '--base', script, '--from-run', 'no-such-run'],
      /^error: --from-run: no run "no-such-run" in /,
    ],
  ])('%j → one-line error and usage, exit 2', (args, message) => {
    const r = train(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.split('\n')[1]).toMatch(/^usage: npm run train/);
    expect(r.stdout).toBe('');
  });

  it('--help prints the usage, with the committed recipe as the fine-tune default, and exits 0', () => {
    const r = train('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^usage: npm run train/);
    // The default must be the recipe the committed model was trained with (its run's options, in metadata.json).
    const recipe = (
      JSON.parse(readFileSync(resolve(__dirname, '../../../public/model/metadata.json'), 'utf8')) as {
        training: { recipe: string };
      }
    ).training.recipe;
    const run = JSON.parse(/\{[^}]*\}/.exec(recipe)![0]) as Record<string, unknown>;
    const fineTuneDefault = /default "([^"]*)"/.exec(r.stdout)![1]!.split(' ');
    const value = (flag: string) => fineTuneDefault[fineTuneDefault.indexOf(flag) + 1];
    expect(fineTuneDefault.includes('--probe-head')).toBe(run.probeHead === true);
    expect(Number(value('--head-lr'))).toBe(run.headLr);
    expect(Number(value('--size'))).toBe(run.size);
    expect(Number(value('--epochs'))).toBe(run.epochs);
  });
});
