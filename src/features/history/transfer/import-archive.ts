import type { HistoryDb } from '../store/open-history-db';
import { attempt, inWriteTransaction } from '../store/attempt';
import type { Result } from '../store/history-error';
import type { HistorySnapshot } from './read-history';

/**
 * Writes a validated archive in ONE transaction: records with the same id are replaced (a restore), others are
 * kept. If any write fails the transaction is aborted, so the history is exactly as it was before.
 */
export function importSnapshot(
  db: HistoryDb,
  snapshot: HistorySnapshot,
): Promise<Result<{ moles: number; checks: number }>> {
  return attempt(() =>
    inWriteTransaction(db, ['moles', 'checks'], async (tx) => {
      const moles = tx.objectStore('moles');
      const checks = tx.objectStore('checks');
      const pending: Promise<unknown>[] = [];
      const track = (request: Promise<unknown>) => {
        // After an abort every queued request rejects; those rejections are expected, not unhandled.
        request.catch(() => undefined);
        pending.push(request);
      };
      for (const mole of snapshot.moles) track(moles.put(mole));
      for (const check of snapshot.checks) track(checks.put(check));
      await Promise.all(pending);
      return { moles: snapshot.moles.length, checks: snapshot.checks.length };
    }),
  );
}
