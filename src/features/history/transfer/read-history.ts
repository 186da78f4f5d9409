import type { HistoryDb } from '../store/open-history-db';
import { attempt } from '../store/attempt';
import type { Result } from '../store/history-error';
import type { Check, Mole } from '../store/history-types';

export interface HistorySnapshot {
  moles: Mole[];
  checks: Check[];
}

/** Everything, or one mole with its checks, read in one transaction so the export is consistent. */
export function readHistory(db: HistoryDb, moleId?: string): Promise<Result<HistorySnapshot>> {
  return attempt(async () => {
    const tx = db.transaction(['moles', 'checks'], 'readonly');
    const checksByDate = tx.objectStore('checks').index('by-mole-taken');
    if (moleId === undefined) {
      const [moles, checks] = await Promise.all([
        tx.objectStore('moles').index('by-created').getAll(),
        checksByDate.getAll(),
      ]);
      return { moles, checks };
    }
    const [mole, checks] = await Promise.all([
      tx.objectStore('moles').get(moleId),
      checksByDate.getAll(IDBKeyRange.bound([moleId, ''], [moleId, '\uffff'])),
    ]);
    if (!mole) throw new DOMException('mole missing', 'NotFoundError');
    return { moles: [mole], checks };
  });
}
