import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { HistorySchema } from './history-schema';

type UpgradeTx = IDBPTransaction<HistorySchema, StoreNames<HistorySchema>[], 'versionchange'>;

/**
 * Migration n brings the database from version n to n + 1. Never edit a released migration: add a new one,
 * because a user's browser may hold any earlier version and replays every step after it.
 */
export type Migration = (db: IDBPDatabase<HistorySchema>, tx: UpgradeTx) => void;

export const MIGRATIONS: readonly Migration[] = [
  // v1: the two stores and the lookups the screens need.
  (db) => {
    const moles = db.createObjectStore('moles', { keyPath: 'id' });
    moles.createIndex('by-created', 'createdAt');
    const checks = db.createObjectStore('checks', { keyPath: 'id' });
    checks.createIndex('by-mole', 'moleId');
  },
  // v2: a compound index so a mole's timeline comes back already in date order.
  (_db, tx) => {
    tx.objectStore('checks').createIndex('by-mole-taken', ['moleId', 'takenAt']);
  },
];

export const HISTORY_DB_VERSION = MIGRATIONS.length;

/** Runs every migration the stored database has not seen yet, in order, inside the upgrade transaction. */
export function runMigrations(
  db: IDBPDatabase<HistorySchema>,
  tx: UpgradeTx,
  oldVersion: number,
  newVersion: number,
  migrations: readonly Migration[] = MIGRATIONS,
): void {
  for (let version = oldVersion; version < newVersion; version++) {
    const migrate = migrations[version];
    if (!migrate) throw new Error(`No migration from history schema v${version} to v${version + 1}`);
    migrate(db, tx);
  }
}
