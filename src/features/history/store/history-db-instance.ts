import { outdatedError, type Result } from './history-error';
import { openHistoryDb, type HistoryDb } from './open-history-db';

let opening: Promise<Result<HistoryDb>> | null = null;

/** One connection for the page's life, opened on first use (not at start-up: one-off checks never need it). */
export function historyDb(): Promise<Result<HistoryDb>> {
  opening ??= openHistoryDb({
    // This tab's code is now older than the stored schema: say so instead of failing every later write.
    onOutdated: () => {
      opening = Promise.resolve({ ok: false, error: outdatedError() });
    },
  }).then((result) => {
    // Let a later call retry if storage was unavailable (e.g. the user left private mode in another way).
    if (!result.ok) opening = null;
    return result;
  });
  return opening;
}
