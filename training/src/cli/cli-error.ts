/** Print a one-line error and the usage text, then exit non-zero: what every CLI does on bad arguments. */
export function failWithUsage(message: string, usage: string): never {
  process.stderr.write(`error: ${message}\n${usage}\n`);
  process.exit(2);
}
