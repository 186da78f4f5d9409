import type { HistoryDb } from '../store/open-history-db';
import { attempt, inWriteTransaction } from '../store/attempt';
import type { Result } from '../store/history-error';
import type { Mole } from '../store/history-types';
import type { HistorySnapshot } from './read-history';

/** How many records of a kind an import writes as new, and how many it writes over records already here. */
export interface AddedReplaced {
  added: number;
  replaced: number;
}

export interface ImportCounts {
  moles: AddedReplaced;
  checks: AddedReplaced;
}

/** A mole already on this device that the archive's version of it would overwrite. */
export interface MoleReplacement {
  current: Mole;
  incoming: Mole;
  /** The archive's checks of this mole that this device does not have (e.g. ones deleted since the export). */
  returningChecks: number;
}

/** What an import would do, read before anything is written so the person can be asked first. */
export interface ImportPlan extends ImportCounts {
  replacedMoles: MoleReplacement[];
}

function count(ids: readonly string[], existing: ReadonlySet<string>): AddedReplaced {
  const replaced = ids.filter((id) => existing.has(id)).length;
  return { added: ids.length - replaced, replaced };
}

function countAgainst(
  snapshot: HistorySnapshot,
  moleIds: readonly string[],
  checkIds: readonly string[],
): ImportCounts {
  return {
    moles: count(
      snapshot.moles.map((m) => m.id),
      new Set(moleIds),
    ),
    checks: count(
      snapshot.checks.map((c) => c.id),
      new Set(checkIds),
    ),
  };
}

/**
 * Which records of a validated archive are already on this device (same id) and would be replaced. Writes
 * nothing: an import replaces by id, which silently undoes later edits (a rename, a deleted check) unless the
 * person is shown this first.
 */
export function planImport(db: HistoryDb, snapshot: HistorySnapshot): Promise<Result<ImportPlan>> {
  return attempt(async () => {
    const tx = db.transaction(['moles', 'checks'], 'readonly');
    const [moles, checkIds] = await Promise.all([
      tx.objectStore('moles').getAll(),
      tx.objectStore('checks').getAllKeys(),
    ]);
    const current = new Map(moles.map((mole) => [mole.id, mole]));
    const checksHere = new Set(checkIds);
    const replacedMoles = snapshot.moles.flatMap((incoming) => {
      const here = current.get(incoming.id);
      if (!here) return [];
      const returningChecks = snapshot.checks.filter(
        (check) => check.moleId === incoming.id && !checksHere.has(check.id),
      ).length;
      return [{ current: here, incoming, returningChecks }];
    });
    return { ...countAgainst(snapshot, [...current.keys()], checkIds), replacedMoles };
  });
}

/**
 * Writes a validated archive in ONE transaction: records with the same id are replaced (a restore), others are
 * kept. If any write fails the transaction is aborted, so the history is exactly as it was before. The counts
 * are taken inside the same transaction, so they say what this write did even if the history changed after
 * `planImport` (another tab).
 */
export function importSnapshot(db: HistoryDb, snapshot: HistorySnapshot): Promise<Result<ImportCounts>> {
  return attempt(() =>
    inWriteTransaction(db, ['moles', 'checks'], async (tx) => {
      const moles = tx.objectStore('moles');
      const checks = tx.objectStore('checks');
      const [moleIds, checkIds] = await Promise.all([moles.getAllKeys(), checks.getAllKeys()]);
      const pending: Promise<unknown>[] = [];
      const track = (request: Promise<unknown>) => {
        // After an abort every queued request rejects; those rejections are expected, not unhandled.
        request.catch(() => undefined);
        pending.push(request);
      };
      for (const mole of snapshot.moles) track(moles.put(mole));
      for (const check of snapshot.checks) track(checks.put(check));
      await Promise.all(pending);
      return countAgainst(snapshot, moleIds, checkIds);
    }),
  );
}
