import { failedPhotoCheck } from '../store/estimate';
import type { Check, Mole } from '../store/history-types';
import type { HistorySnapshot } from '../transfer/read-history';

export interface MoleSummary {
  mole: Mole;
  checks: Check[];
  latest: Check | undefined;
}

/** Groups checks by mole (oldest first, as stored), keeping the moles' own order. */
export function summariseMoles(snapshot: HistorySnapshot): MoleSummary[] {
  const byMole = new Map<string, Check[]>();
  for (const check of snapshot.checks) {
    const list = byMole.get(check.moleId) ?? [];
    list.push(check);
    byMole.set(check.moleId, list);
  }
  return snapshot.moles.map((mole) => {
    const checks = (byMole.get(mole.id) ?? []).sort((a, b) => a.takenAt.localeCompare(b.takenAt));
    return { mole, checks, latest: checks.at(-1) };
  });
}

/**
 * The checks a mole's timeline picks for "Compare" before the person chooses (ids, oldest first): the newest two
 * that kept an estimate. A check whose photo the photo check refused has no number to compare, so it is picked
 * only when fewer than two checks have one.
 */
export function defaultComparePair(checks: readonly Check[]): string[] {
  // Newest first, then (a stable sort) the checks with an estimate ahead of the refused ones.
  const preferred = [...checks]
    .reverse()
    .sort((a, b) => Number(failedPhotoCheck(a)) - Number(failedPhotoCheck(b)))
    .slice(0, 2);
  return checks.filter((check) => preferred.includes(check)).map((check) => check.id);
}
