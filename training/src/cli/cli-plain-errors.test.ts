/**
 * The CLIs besides `train` on bad input: a bad argument is one error line, the usage and exit 2, found before any
 * work; a damaged model found while working is one plain line naming the file and exit 1 (never tfjs's minified
 * source and exit 7); --help prints the usage and exits 0. Runs each CLI as a child process; no shared data needed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const src = resolve(__dirname, '..');
const temp = mkdtempSync(join(tmpdir(), 'naevus-cli-errors-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function cli(script: string, ...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(src, script), ...args], {
    encoding: 'utf8',
  });
  return { code: r.status, stderr: r.stderr, stdout: r.stdout };
}

const aFile = join(temp, 'a-file');
writeFileSync(aFile, 'x');
const data = join(temp, 'data');
mkdirSync(data);
const metadata = {
  input: { size: 224, mean: 128, std: 128, range: [-1, 1] },
  outputs: { logit: 'logit' },
  calibration: { method: 'platt', a: 1, b: 0 },
  threshold: 0.5,
};
/** A model folder whose metadata.json reads fine and whose model.json is cut off mid-object. */
const corruptModel = join(temp, 'corrupt-model');
mkdirSync(corruptModel);
writeFileSync(join(corruptModel, 'metadata.json'), JSON.stringify(metadata));
writeFileSync(join(corruptModel, 'model.json'), '{"format": "graph-model" "modelTopology"');
const nullMetadata = join(temp, 'null-metadata');
mkdirSync(nullMetadata);
writeFileSync(join(nullMetadata, 'metadata.json'), 'null');
writeFileSync(join(nullMetadata, 'model.json'), '{}');
const nullLabels = join(temp, 'labels.json');
writeFileSync(nullLabels, 'null');
const isic = join(temp, 'isic');
mkdirSync(isic);
writeFileSync(join(isic, 'labels.csv'), 'image_id,melanoma\nISIC_0000000,0.0\n');

describe('bad arguments: one-line error, usage, exit 2, before any work', () => {
  it.each([
    [
      'cli/evaluate.ts',
      ['--data', data, '--model', corruptModel, '--json', join(aFile, 'x.json')],
      /^error: --json: .*a-file is a file, so/,
    ],
    [
      'cli/evaluate.ts',
      ['--data', data, '--model', corruptModel, '--html', temp],
      /^error: --html: .* is a folder, not a file/,
    ],
    [
      'cli/evaluate.ts',
      ['--data', data, '--model', corruptModel, '--labels', nullLabels],
      /^error: --labels: .*labels\.json is not a label config/,
    ],
    [
      'cli/dataset.ts',
      ['--data', data, '--json', join(aFile, 'r.json')],
      /^error: --json: .*a-file is a file, so/,
    ],
    ['cli/dataset.ts', ['--data', data, '--seed', ''], /^error: --seed must be a whole number, got ""/],
    [
      'cli/isic-check.ts',
      ['--isic', isic, '--model', corruptModel, '--json', join(aFile, 'x')],
      /^error: --json: .*a-file is a file, so/,
    ],
    ['cli/convert-base.ts', ['--out', aFile], /^error: --out: .*a-file is a file, not a folder/],
    [
      'fine-tune/teacher-targets.ts',
      ['--out', join(aFile, 't.json'), 'some-run'],
      /^error: --out: .*a-file is a file, so/,
    ],
    [
      'fine-tune/teacher-targets.ts',
      ['--out', join(temp, 't.json'), 'no-such-run'],
      /^error: no run "no-such-run" in /,
    ],
    ['fine-tune/score-on-valid.ts', ['no-such-run'], /^error: no run "no-such-run" in /],
  ] as const)('%s %j', (script, args, message) => {
    const r = cli(script, ...args);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.split('\n')[1]).toMatch(/^usage: /);
    expect(r.code).toBe(2);
  });
});

describe('a damaged model: one plain line naming the file, exit 1', () => {
  it.each([
    [
      'cli/evaluate.ts',
      ['--data', data, '--model', corruptModel],
      `${join(corruptModel, 'model.json')} is not valid JSON`,
    ],
    [
      'cli/evaluate.ts',
      ['--data', data, '--model', nullMetadata],
      `${join(nullMetadata, 'metadata.json')} is not a model description`,
    ],
    [
      'cli/isic-check.ts',
      ['--isic', isic, '--model', corruptModel],
      `${join(corruptModel, 'model.json')} is not valid JSON`,
    ],
  ] as const)('%s %j', (script, args, message) => {
    const r = cli(script, ...args);
    expect(r.stderr).toMatch(
      new RegExp(`^error: ${message.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}[^\\n]*\\n$`),
    );
    expect(r.code).toBe(1);
  });
});

describe('--help', () => {
  it.each(['cli/convert-base.ts', 'fine-tune/teacher-targets.ts', 'fine-tune/score-on-valid.ts'])(
    '%s prints the usage and exits 0',
    (script) => {
      const r = cli(script, '--help');
      expect(r.stdout).toMatch(/^usage: /);
      expect(r.code).toBe(0);
    },
  );
});
