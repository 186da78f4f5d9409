import type { HistoryDb } from './open-history-db';
import { attempt, inWriteTransaction } from './attempt';
import { fail, type Result } from './history-error';
import { DEFAULT_RECHECK_INTERVAL_DAYS, type Mole, type NewMole } from './history-types';
import { newId } from './new-id';

export function createMoleRecord(input: NewMole, now: Date): Mole {
  return {
    id: newId(),
    name: input.name.trim(),
    bodyLocation: input.bodyLocation,
    createdAt: now.toISOString(),
    recheckIntervalDays: input.recheckIntervalDays ?? DEFAULT_RECHECK_INTERVAL_DAYS,
  };
}

export function addMole(db: HistoryDb, input: NewMole, now = new Date()): Promise<Result<Mole>> {
  const mole = createMoleRecord(input, now);
  return attempt(async () => {
    await db.add('moles', mole);
    return mole;
  });
}

/** Oldest first, so the list order stays stable as checks are added. */
export function listMoles(db: HistoryDb): Promise<Result<Mole[]>> {
  return attempt(() => db.getAllFromIndex('moles', 'by-created'));
}

export async function getMole(db: HistoryDb, id: string): Promise<Result<Mole>> {
  const found = await attempt(() => db.get('moles', id));
  if (!found.ok) return found;
  return found.value ? { ok: true, value: found.value } : fail('not-found', 'That mole no longer exists.');
}

export async function updateMole(
  db: HistoryDb,
  id: string,
  changes: Partial<Omit<Mole, 'id' | 'createdAt'>>,
): Promise<Result<Mole>> {
  return attempt(() =>
    inWriteTransaction(db, ['moles'], async (tx) => {
      const current = await tx.objectStore('moles').get(id);
      if (!current) throw new DOMException('mole missing', 'NotFoundError');
      const next = { ...current, ...changes, id };
      await tx.objectStore('moles').put(next);
      return next;
    }),
  );
}

/** Removes a mole and all its checks in one transaction: either both go or neither does. */
export function deleteMole(db: HistoryDb, id: string): Promise<Result<void>> {
  return attempt(() =>
    inWriteTransaction(db, ['moles', 'checks'], async (tx) => {
      const checkIds = await tx.objectStore('checks').index('by-mole').getAllKeys(id);
      await Promise.all([
        tx.objectStore('moles').delete(id),
        ...checkIds.map((checkId) => tx.objectStore('checks').delete(checkId)),
      ]);
    }),
  );
}
