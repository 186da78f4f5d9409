import { parseArgs, type ParseArgsConfig } from 'node:util';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** Print a one-line error and the usage text, then exit non-zero: what every CLI does on bad arguments. */
export function failWithUsage(message: string, usage: string): never {
  process.stderr.write(`error: ${message}\n${usage}\n`);
  process.exit(2);
}

/**
 * Strict `parseArgs` for a CLI: unknown or malformed options end in `failWithUsage`, `--help`/`-h` prints the
 * usage and exits 0. Include a boolean `help` option in `options`.
 */
export function parseOptionsOrExit<const O extends ParseArgsOptionsConfig>(options: O, usage: string) {
  let parsed;
  try {
    parsed = parseArgs({ options, strict: true, allowPositionals: false });
  } catch (error) {
    failWithUsage(error instanceof Error ? error.message : String(error), usage);
  }
  if ((parsed.values as { help?: boolean }).help) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  return parsed.values;
}
