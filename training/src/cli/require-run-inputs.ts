import { existsSync, statSync } from 'node:fs';
import { fineTunedRunProblem } from './check-fine-tuned-run';
import { failWithUsage } from './cli-error';
import { defaultPaths, userPath } from './repo-paths';

/**
 * The inputs of a script that scores finished runs (data folder, base network, run names), checked before any
 * work: the scoring takes minutes, a typo should not. Ends the process with a one-line error and usage.
 */
export function requireRunInputs(
  values: { data: string; base: string },
  runs: readonly string[],
  usage: string,
): { dataDir: string; basePath: string } {
  if (runs.length === 0) failWithUsage('name at least one run', usage);
  const dataDir = userPath(values.data);
  if (!existsSync(dataDir) || !statSync(dataDir).isDirectory())
    failWithUsage(`--data ${dataDir} is not a folder`, usage);
  const basePath = userPath(values.base);
  if (!existsSync(basePath)) failWithUsage(`--base ${basePath} does not exist`, usage);
  for (const run of runs) {
    const problem = fineTunedRunProblem(defaultPaths.runs, run);
    if (problem) failWithUsage(problem, usage);
  }
  return { dataDir, basePath };
}
