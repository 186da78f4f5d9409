import type { HistoryDb } from './open-history-db';
import { attempt, inWriteTransaction } from './attempt';
import type { Result } from './history-error';
import type { Check } from './history-types';

/** Adds a check to an existing mole; the mole must exist (checked in the same transaction). */
export function addCheck(db: HistoryDb, check: Check): Promise<Result<Check>> {
  return attempt(() =>
    inWriteTransaction(db, ['moles', 'checks'], async (tx) => {
      const mole = await tx.objectStore('moles').get(check.moleId);
      if (!mole) throw new DOMException('mole missing', 'NotFoundError');
      await tx.objectStore('checks').add(check);
      return check;
    }),
  );
}

/** A mole's checks, oldest first. */
export function listChecks(db: HistoryDb, moleId: string): Promise<Result<Check[]>> {
  const range = IDBKeyRange.bound([moleId, ''], [moleId, '\uffff']);
  return attempt(() => db.getAllFromIndex('checks', 'by-mole-taken', range));
}

export function listAllChecks(db: HistoryDb): Promise<Result<Check[]>> {
  return attempt(() => db.getAll('checks'));
}

export function deleteCheck(db: HistoryDb, id: string): Promise<Result<void>> {
  return attempt(() => db.delete('checks', id));
}

/** Clears both stores in one transaction. */
export function deleteEverything(db: HistoryDb): Promise<Result<void>> {
  return attempt(() =>
    inWriteTransaction(db, ['moles', 'checks'], async (tx) => {
      await Promise.all([tx.objectStore('moles').clear(), tx.objectStore('checks').clear()]);
    }),
  );
}
