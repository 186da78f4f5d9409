import { openDB, type IDBPDatabase } from 'idb';
import { HISTORY_DB_NAME, type HistorySchema } from './history-schema';
import { MIGRATIONS, runMigrations, type Migration } from './migrations';
import { fail, ok, toHistoryError, unavailableError, type Result } from './history-error';

export type HistoryDb = IDBPDatabase<HistorySchema>;

export interface OpenOptions {
  name?: string;
  /** Tests open older schema versions to exercise the migrations. */
  migrations?: readonly Migration[];
  /** Called after this connection closed itself because a newer app version (another tab) is upgrading. */
  onOutdated?: () => void;
}

/**
 * Opens (and if needed upgrades) the history database. Returns an error value instead of throwing, so a browser
 * without IndexedDB (some private modes) still lets the user run one-off checks.
 */
export async function openHistoryDb(options: OpenOptions = {}): Promise<Result<HistoryDb>> {
  const migrations = options.migrations ?? MIGRATIONS;
  if (typeof indexedDB === 'undefined') return { ok: false, error: unavailableError() };
  try {
    const db = await openDB<HistorySchema>(options.name ?? HISTORY_DB_NAME, migrations.length, {
      upgrade(database, oldVersion, newVersion, tx) {
        runMigrations(database, tx, oldVersion, newVersion ?? migrations.length, migrations);
      },
      blocking() {
        // A newer app version in another tab wants to upgrade: step aside instead of blocking it.
        db.close();
        options.onOutdated?.();
      },
    });
    return ok(db);
  } catch (cause) {
    // Apart from a full disk or a newer stored schema, any failure to open means "storage is not available here".
    const error = toHistoryError(cause);
    return error.kind === 'quota' || error.kind === 'outdated'
      ? fail(error.kind, error.message)
      : { ok: false, error: unavailableError() };
  }
}
