/**
 * Dataset stage on its own: `tsx training/src/cli/dataset.ts --data <dir> [--labels <labels.json>] [--seed 1]
 * [--quick] [--json <report.json>] [--manifest <manifest.json>]` prints counts per split and class, skipped files
 * with reasons, removed duplicates, and the dataset hash.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildDataset } from '../dataset/build-dataset';
import { formatReport } from '../dataset/format-report';
import { DEFAULT_LABEL_CONFIG, loadLabelConfig } from '../dataset/label-config';
import { requireOutputPath } from './check-output-path';
import { exitOnError, failWithUsage, parseOptionsOrExit } from './cli-error';
import { progressBar } from './progress-bar';
import { defaultPaths, userPath } from './repo-paths';

const USAGE = `usage: npm run dataset -- [--data <folder of class folders>] [--labels <labels.json>] [--seed <n>]
                 [--quick] [--json <report.json>] [--manifest <manifest.json>]
  --data      default ${defaultPaths.seedData}
  --labels    JSON {"classes": {"dangerous": [...], "not_dangerous": [...]}, "splits": {...}}
  --quick     check file headers only instead of decoding every image`;

async function main() {
  const args = parseOptionsOrExit(
    {
      data: { type: 'string' },
      labels: { type: 'string' },
      seed: { type: 'string' },
      quick: { type: 'boolean' },
      json: { type: 'string' },
      manifest: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  );
  const data = args.data ? userPath(args.data) : defaultPaths.seedData;
  if (!existsSync(data) || !statSync(data).isDirectory())
    failWithUsage(`--data ${data} is not a folder`, USAGE);
  // Digits only: Number('') is 0, so an empty --seed would silently mean seed 0.
  if (args.seed !== undefined && (!/^-?\d+$/.test(args.seed) || !Number.isSafeInteger(Number(args.seed))))
    failWithUsage(`--seed must be a whole number, got "${args.seed}"`, USAGE);
  const seed = args.seed === undefined ? 1 : Number(args.seed);
  const json = args.json ? userPath(args.json) : null;
  const manifest = args.manifest ? userPath(args.manifest) : null;
  // Checked before the images are read, so the report is never lost to a bad path at the end.
  if (json) requireOutputPath('--json', json, 'file', USAGE);
  if (manifest) requireOutputPath('--manifest', manifest, 'file', USAGE);
  let config = DEFAULT_LABEL_CONFIG;
  if (args.labels) {
    try {
      config = loadLabelConfig(userPath(args.labels));
    } catch (error) {
      failWithUsage(`--labels: ${error instanceof Error ? error.message : String(error)}`, USAGE);
    }
  }

  let bar: ReturnType<typeof progressBar> | null = null;
  const dataset = await buildDataset(data, {
    config,
    seed,
    verify: !args.quick,
    onProgress: (done, total) => {
      bar ??= progressBar(args.quick ? 'reading' : 'decoding', total);
      bar.tick();
      if (done === total) bar.done();
    },
  });
  process.stdout.write(`${formatReport(dataset.report)}\n`);
  const write = (path: string, value: unknown) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
    process.stderr.write(`wrote ${path}\n`);
  };
  if (json) write(json, dataset.report);
  if (manifest) write(manifest, dataset.manifest);
}

main().catch(exitOnError);
