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
