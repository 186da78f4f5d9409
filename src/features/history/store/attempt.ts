import type { IDBPTransaction, StoreNames } from 'idb';
import type { HistorySchema } from './history-schema';
import { ok, toHistoryError, type Result } from './history-error';
import type { HistoryDb } from './open-history-db';

/** Runs one storage operation and turns a thrown DOMException into a plain-language error value. */
export async function attempt<T>(operation: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await operation());
  } catch (cause) {
    return { ok: false, error: toHistoryError(cause) };
  }
}

type Stores = StoreNames<HistorySchema>[];
export type WriteTx<S extends Stores> = IDBPTransaction<HistorySchema, S, 'readwrite'>;

/**
 * All-or-nothing writes. IndexedDB only rolls back by itself when a request fails asynchronously; a synchronous
 * throw (DataCloneError, or a bug) would otherwise let the writes made so far commit, so this aborts explicitly.
 */
export async function inWriteTransaction<S extends Stores, T>(
  db: HistoryDb,
  stores: S,
  work: (tx: WriteTx<S>) => Promise<T>,
): Promise<T> {
  const tx = db.transaction(stores, 'readwrite');
  // `done` rejects when the transaction aborts; if `work` throws first nobody awaits it, so mark it handled.
  const done = tx.done;
  done.catch(() => undefined);
  try {
    const value = await work(tx);
    await done;
    return value;
  } catch (cause) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted by the failed request.
    }
    throw cause;
  }
}
