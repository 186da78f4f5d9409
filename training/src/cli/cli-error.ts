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
  return parseCommandLineOrExit(options, usage, false).values;
}

/** `parseOptionsOrExit` for a CLI that also takes plain arguments (run names): options and positionals. */
export function parseCommandLineOrExit<const O extends ParseArgsOptionsConfig>(
  options: O,
  usage: string,
  allowPositionals = true,
) {
  let parsed;
  try {
    parsed = parseArgs({ options, strict: true, allowPositionals });
  } catch (error) {
    // Node's own messages can run over several lines ("… Did you forget …"): keep the error one line.
    const message = error instanceof Error ? error.message : String(error);
    failWithUsage(message.replace(/\s*\n\s*/g, ' '), usage);
  }
  if ((parsed.values as { help?: boolean }).help) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  return parsed;
}

/** The last resort of every CLI: a failure found while working is one plain line and exit 1, never a stack dump. */
export function exitOnError(error: unknown): never {
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
