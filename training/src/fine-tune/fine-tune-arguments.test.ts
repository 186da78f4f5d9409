/**
 * The fine-tune stage's arguments: counts must be whole numbers, --soft-weight needs --soft-targets, paths must be
 * of the right kind, and --help is not an error. The parser is tested directly; two runs of the CLI itself check
 * the exit codes and what lands on stdout/stderr. No shared data needed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultPaths } from '../cli/repo-paths';
import {
  BadArgumentError,
  checkArgumentPaths,
  parseFineTuneArguments,
  type FineTuneOptions,
} from './fine-tune-arguments';

const temp = mkdtempSync(join(tmpdir(), 'naevus-fine-tune-args-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function options(...args: string[]): FineTuneOptions {
  const parsed = parseFineTuneArguments(args);
  if (parsed.help) throw new Error('unexpected --help');
  return parsed.options;
}

describe('parseFineTuneArguments', () => {
  it('fills in the defaults', () => {
    expect(options()).toMatchObject({
      runDir: join(defaultPaths.runs, 'fine-tune'),
      resume: false,
      epochs: 10,
      batch: 16,
      seed: 1,
      workers: 2,
      size: 224,
      softTargets: undefined,
      softWeight: 0.5,
      maxSteps: undefined,
      limit: undefined,
    });
  });

  it.each([
    ['workers', '1.5'],
    ['epochs', '1.5'],
    ['batch', '2.5'],
    ['seed', '0.5'],
    ['size', '224.0'],
    ['max-steps', '1.5'],
    ['limit', '2.5'],
    ['epochs', '1e1'],
    ['workers', ''],
    ['batch', '1'],
    ['seed', '9007199254740993'],
  ])('refuses --%s %j: a count must be a whole number', (name, value) => {
    expect(() => options(`--${name}=${value}`)).toThrow(BadArgumentError);
    expect(() => options(`--${name}=${value}`)).toThrow(`--${name} must be a whole number`);
  });

  it('accepts whole numbers', () => {
    expect(
      options(
        '--workers',
        '1',
        '--epochs',
        '2',
        '--seed',
        '0',
        '--size',
        '96',
        '--limit',
        '2',
        '--max-steps',
        '4',
      ),
    ).toMatchObject({ workers: 1, epochs: 2, seed: 0, size: 96, limit: 2, maxSteps: 4 });
  });

  it('refuses more workers than cores (each is a core and a wasm heap), but always allows the default 2', () => {
    const cores = availableParallelism();
    expect(options('--workers', '2').workers).toBe(2);
    expect(() => options('--workers', String(Math.max(2, cores) + 1))).toThrow(
      `more than this machine's ${cores} cores`,
    );
  });

  it('--batch-norm is off unless given', () => {
    expect(options().batchNorm).toBe(false);
    expect(options('--batch-norm').batchNorm).toBe(true);
  });

  it('refuses decimals out of range and empty values', () => {
    expect(() => options('--lr=')).toThrow('--lr must be a number ≥ 0, got ""');
    expect(() => options('--dropout', '1')).toThrow('--dropout must be a number from 0 to below 1');
    expect(() => options('--size', '100')).toThrow('--size must be a multiple of 32');
  });

  it('refuses --soft-weight without --soft-targets, whatever its value', () => {
    for (const w of ['0.5', '0.3'])
      expect(() => options('--soft-weight', w)).toThrow('--soft-weight needs --soft-targets');
    expect(options('--soft-targets', 't.json', '--soft-weight', '0.3').softWeight).toBe(0.3);
    expect(() => options('--soft-targets', 't.json', '--soft-weight', '1.5')).toThrow(
      '--soft-weight must be a number between 0 and 1',
    );
  });

  it('reads --help and -h as a request, not an error', () => {
    expect(parseFineTuneArguments(['--help'])).toEqual({ help: true });
    expect(parseFineTuneArguments(['--epochs', '3', '-h'])).toEqual({ help: true });
  });

  it('keeps a named run inside training/runs/ and takes an absolute one as is', () => {
    expect(options('--run', 'exp').runDir).toBe(join(defaultPaths.runs, 'exp'));
    expect(options('--run', '/tmp/x').runDir).toBe('/tmp/x');
    for (const name of ['', '.', '..', '../../src'])
      expect(() => options('--run', name)).toThrow('--run must be a folder name under training/runs/');
  });

  it('turns unknown options and missing values into one line', () => {
    expect(() => options('--nope')).toThrow("Unknown option '--nope'");
    expect(() => options('--seed', '-1')).toThrow(/^[^\n]*ambiguous[^\n]*$/);
  });
});

describe('checkArgumentPaths', () => {
  const file = join(temp, 'a-file');
  const folder = join(temp, 'a-folder');
  writeFileSync(file, 'x');
  mkdirSync(folder);
  const check =
    (...args: string[]) =>
    () =>
      checkArgumentPaths(options('--data', folder, '--base', file, '--run', join(temp, 'run'), ...args));

  it('accepts a data folder, a base file and a new run folder', () => {
    expect(check()).not.toThrow();
  });

  it('refuses a file as --data, a folder as --base, a file as --run, and paths that do not exist', () => {
    expect(check('--data', file)).toThrow(`--data must be a folder of class folders, but ${file} is a file`);
    expect(check('--data', join(temp, 'missing'))).toThrow('--data: no folder at');
    expect(check('--base', folder)).toThrow(`--base must be a .tflite file, but ${folder} is a folder`);
    expect(check('--base', join(temp, 'missing'))).toThrow('--base: no base model at');
    expect(check('--run', file)).toThrow(`--run must name a folder, but ${file} is a file`);
  });
});

describe('fine-tune CLI on bad arguments', () => {
  const script = resolve(__dirname, 'fine-tune.ts');
  const hostname = join(temp, 'hostname');
  writeFileSync(hostname, 'host\n');
  const fineTune = (...args: string[]) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8' });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('--help prints the usage to stdout and exits 0', () => {
    const r = fineTune('--help');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^usage: npm run fine-tune/);
  });

  // --data points nowhere, so even a CLI that let these through could not start training on real data.
  it.each([
    [['--workers', '1.5'], '--workers must be a whole number ≥ 1, got "1.5"'],
    [['--epochs', '1.5'], '--epochs must be a whole number ≥ 1, got "1.5"'],
    [
      ['--soft-weight', '0.3'],
      '--soft-weight needs --soft-targets <file> (it weighs the targets in that file)',
    ],
  ])('%j is refused before anything runs: one-line error and usage, exit 2', (args, message) => {
    const run = join(temp, 'never-made');
    const r = fineTune('--data', join(temp, 'missing'), '--run', run, ...args);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(`error: ${message}`);
    expect(r.stderr.split('\n')[1]).toMatch(/^usage: npm run fine-tune/);
    expect(existsSync(run)).toBe(false);
  });

  it('--data <a file> is a one-line error and the usage, exit 2, and no run folder', () => {
    const run = join(temp, 'never-made');
    const r = fineTune('--data', hostname, '--run', run);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --data must be a folder of class folders, but .* is a file\nusage: /);
    expect(r.stdout).toBe('');
    expect(existsSync(run)).toBe(false);
  });
});
