import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { statOrNull } from '../files/stat-or-null';
import type { BestModelInfo } from '../fine-tune/best-model';

/**
 * Why <runsDir>/<name> cannot be read as a fine-tuned model (its best/{model.json, params.bin}), in plain words,
 * or null when it can. Checked before the dataset and the base network are read, so a mistyped or damaged run
 * fails in a second instead of after minutes of work.
 */
export function fineTunedRunProblem(runsDir: string, name: string): string | null {
  if (!/^[\w.-]+$/.test(name) || name === '.' || name === '..')
    return `run "${name}" must be a plain folder name under ${runsDir}`;
  const runDir = join(runsDir, name);
  if (!statOrNull(runDir)?.isDirectory()) return `no run "${name}" in ${runsDir}`;
  const infoPath = join(runDir, 'best', 'model.json');
  let text;
  try {
    text = readFileSync(infoPath, 'utf8');
  } catch {
    return `run "${name}" has no best epoch saved (no ${infoPath}); it is not a finished fine-tune run`;
  }
  let info: Partial<BestModelInfo> | null;
  try {
    info = JSON.parse(text) as Partial<BestModelInfo> | null;
  } catch {
    return `${infoPath} is not valid JSON`;
  }
  const total = info?.layout?.total;
  if (
    typeof info !== 'object' ||
    info === null ||
    typeof total !== 'number' ||
    !Array.isArray(info.layout?.entries) ||
    typeof info.input?.size !== 'number'
  )
    return `${infoPath} is not a fine-tuned model description (no layout or input)`;
  const paramsPath = join(runDir, 'best', 'params.bin');
  const bytes = statOrNull(paramsPath)?.size;
  if (bytes === undefined) return `run "${name}" has no weights file ${paramsPath}`;
  if (bytes !== total * 4)
    return `${paramsPath} holds ${Math.floor(bytes / 4)} values but model.json says ${total}: the file is damaged or from another run`;
  return null;
}
