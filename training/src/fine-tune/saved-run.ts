import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** What a run saves (checkpoint.old/ only exists between a save's two renames). */
const SAVED = ['checkpoint', 'checkpoint.old', 'best', 'epochs'];

/**
 * The parts of an earlier run in `runDir`, e.g. ["checkpoint/", "best/"]: what a fresh start would overwrite
 * (`npm run train -- --from-run` exports from best/). [] for a new folder, or one holding only a log.
 */
export function savedRunParts(runDir: string): string[] {
  return SAVED.filter((part) => existsSync(join(runDir, part))).map((part) => `${part}/`);
}
