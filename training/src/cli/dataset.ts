/**
 * Dataset stage on its own: `tsx training/src/cli/dataset.ts --data <dir> [--labels <labels.json>] [--seed 1]
 * [--quick] [--json <report.json>] [--manifest <manifest.json>]` prints counts per split and class, skipped files
 * with reasons, removed duplicates, and the dataset hash.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { buildDataset } from '../dataset/build-dataset';
import { formatReport } from '../dataset/format-report';
import { DEFAULT_LABEL_CONFIG, loadLabelConfig } from '../dataset/label-config';
import { failWithUsage } from './cli-error';
import { progressBar } from './progress-bar';
import { defaultPaths, userPath } from './repo-paths';

const USAGE = `usage: npm run dataset -- [--data <folder of class folders>] [--labels <labels.json>] [--seed <n>]
                 [--quick] [--json <report.json>] [--manifest <manifest.json>]
  --data      default ${defaultPaths.seedData}
  --labels    JSON {"classes": {"dangerous": [...], "not_dangerous": [...]}, "splits": {...}}
  --quick     check file headers only instead of decoding every image`;

async function main() {
  let args;
  try {
    args = parseArgs({
      options: {
        data: { type: 'string' },
        labels: { type: 'string' },
        seed: { type: 'string' },
        quick: { type: 'boolean' },
        json: { type: 'string' },
        manifest: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    failWithUsage(error instanceof Error ? error.message : String(error), USAGE);
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const data = args.data ? userPath(args.data) : defaultPaths.seedData;
  if (!existsSync(data) || !statSync(data).isDirectory())
    failWithUsage(`--data ${data} is not a folder`, USAGE);
  const seed = args.seed === undefined ? 1 : Number(args.seed);
  if (!Number.isInteger(seed)) failWithUsage(`--seed must be an integer, got "${args.seed}"`, USAGE);
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
    const out = userPath(path);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(value, null, 2)}\n`);
    process.stderr.write(`wrote ${out}\n`);
  };
  if (args.json) write(args.json, dataset.report);
  if (args.manifest) write(args.manifest, dataset.manifest);
}

main().catch((error: unknown) => {
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
