import type { Check, Mole } from '../store/history-types';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface MoleDue {
  mole: Mole;
  /** When the next check is due: the latest check (or the mole's creation) plus its interval. */
  dueAt: Date;
  isDue: boolean;
}

/** Computes every mole's next re-check date; due ones first, then by date. */
export function recheckSchedule(
  moles: Mole[],
  checks: Pick<Check, 'moleId' | 'takenAt'>[],
  now: Date,
): MoleDue[] {
  const latest = new Map<string, string>();
  for (const check of checks) {
    const seen = latest.get(check.moleId);
    if (!seen || check.takenAt > seen) latest.set(check.moleId, check.takenAt);
  }
  return moles
    .map((mole) => {
      const from = Date.parse(latest.get(mole.id) ?? mole.createdAt);
      const dueAt = new Date(from + mole.recheckIntervalDays * DAY_MS);
      return { mole, dueAt, isDue: dueAt.getTime() <= now.getTime() };
    })
    .sort((a, b) => Number(b.isDue) - Number(a.isDue) || a.dueAt.getTime() - b.dueAt.getTime());
}
