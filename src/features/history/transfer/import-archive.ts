import type { HistoryDb } from '../store/open-history-db';
import { attempt, inWriteTransaction } from '../store/attempt';
import type { Result } from '../store/history-error';
import type { Check, Mole } from '../store/history-types';
import type { HistorySnapshot } from './read-history';

/**
 * How an import's records compare with this device: new here, written over a different record here, or
 * already here exactly as in the archive (left as they are, even if the archive adds checks to that mole).
 */
export interface ImportTally {
  added: number;
  replaced: number;
  unchanged: number;
}

/** Checks are never edited after saving, so one whose id is already here is the same check: never replaced. */
export interface ImportCounts {
  moles: ImportTally;
  checks: Omit<ImportTally, 'replaced'>;
}

/**
 * A mole already on this device that the import would change: the archive's version overwrites it (a field
 * differs), or it only gains checks (the mole's record is left as it is).
 */
export interface MoleChange {
  current: Mole;
  incoming: Mole;
  /**
   * The archive's checks of this mole that this device does not have: deleted here since the export, or
   * taken on another device and never here.
   */
  checksNotHere: number;
}

/** What an import would do, read before anything is written so the person can be asked first. */
export interface ImportPlan extends ImportCounts {
  /** Every mole here that would change, replaced or only gaining checks: both are asked about first. */
  changedMoles: MoleChange[];
}

interface Assessment extends ImportPlan {
  molesToWrite: Mole[];
  checksToWrite: Check[];
}

/** A record's own fields in a fixed key order, so two equal moles compare equal whatever order they were built in. */
const canonical = (mole: Mole) => JSON.stringify(mole, Object.keys(mole).sort());

/**
 * Compares the archive with what is here. A mole counts as replaced only if a stored field differs (only those
 * are written); one that just gains checks is left as it is and counts as unchanged, though it is still listed
 * in `changedMoles`. A check with an id already here is the same check (checks are only ever added, see
 * store/) and is left as it is.
 */
function assess(
  snapshot: HistorySnapshot,
  molesHere: readonly Mole[],
  checkIdsHere: readonly string[],
): Assessment {
  const current = new Map(molesHere.map((mole) => [mole.id, mole]));
  const checksHere = new Set(checkIdsHere);
  const checksToWrite = snapshot.checks.filter((check) => !checksHere.has(check.id));
  const molesToWrite: Mole[] = [];
  const changedMoles: MoleChange[] = [];
  let addedMoles = 0;
  let replacedMoles = 0;
  for (const incoming of snapshot.moles) {
    const here = current.get(incoming.id);
    if (!here) {
      addedMoles += 1;
      molesToWrite.push(incoming);
      continue;
    }
    const differs = canonical(here) !== canonical(incoming);
    const checksNotHere = checksToWrite.filter((check) => check.moleId === incoming.id).length;
    if (differs) {
      replacedMoles += 1;
      molesToWrite.push(incoming);
    }
    if (differs || checksNotHere > 0) changedMoles.push({ current: here, incoming, checksNotHere });
  }
  return {
    moles: {
      added: addedMoles,
      replaced: replacedMoles,
      unchanged: snapshot.moles.length - addedMoles - replacedMoles,
    },
    checks: { added: checksToWrite.length, unchanged: snapshot.checks.length - checksToWrite.length },
    changedMoles,
    molesToWrite,
    checksToWrite,
  };
}

/**
 * Which records of a validated archive differ from this device's: moles that would be replaced or gain checks.
 * Writes nothing: an import replaces by id, which silently undoes later edits (a rename, a deleted check)
 * unless the person is shown this first.
 */
export function planImport(db: HistoryDb, snapshot: HistorySnapshot): Promise<Result<ImportPlan>> {
  return attempt(async () => {
    const tx = db.transaction(['moles', 'checks'], 'readonly');
    const [moles, checkIds] = await Promise.all([
      tx.objectStore('moles').getAll(),
      tx.objectStore('checks').getAllKeys(),
    ]);
    const { moles: moleCounts, checks: checkCounts, changedMoles } = assess(snapshot, moles, checkIds);
    return { moles: moleCounts, checks: checkCounts, changedMoles };
  });
}

/**
 * Writes a validated archive in ONE transaction: new records are added, moles that differ are replaced by the
 * archive's version (a restore), records identical to the archive's are left as they are. If any write fails
 * the transaction is aborted, so the history is exactly as it was before. The comparison is made inside the
 * same transaction, so the counts say what this write did even if the history changed after `planImport`
 * (another tab).
 */
export function importSnapshot(db: HistoryDb, snapshot: HistorySnapshot): Promise<Result<ImportCounts>> {
  return attempt(() =>
    inWriteTransaction(db, ['moles', 'checks'], async (tx) => {
      const moles = tx.objectStore('moles');
      const checks = tx.objectStore('checks');
      const [molesHere, checkIds] = await Promise.all([moles.getAll(), checks.getAllKeys()]);
      const {
        molesToWrite,
        checksToWrite,
        moles: moleCounts,
        checks: checkCounts,
      } = assess(snapshot, molesHere, checkIds);
      const pending: Promise<unknown>[] = [];
      const track = (request: Promise<unknown>) => {
        // After an abort every queued request rejects; those rejections are expected, not unhandled.
        request.catch(() => undefined);
        pending.push(request);
      };
      for (const mole of molesToWrite) track(moles.put(mole));
      for (const check of checksToWrite) track(checks.put(check));
      await Promise.all(pending);
      return { moles: moleCounts, checks: checkCounts };
    }),
  );
}
