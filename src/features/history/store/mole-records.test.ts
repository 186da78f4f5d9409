import { beforeEach, describe, expect, it } from 'vitest';
import { addCheck, deleteCheck, deleteEverything, listAllChecks, listChecks } from './check-records';
import { addMole, deleteMole, getMole, listMoles, updateMole } from './mole-records';
import { DEFAULT_RECHECK_INTERVAL_DAYS, type Check } from './history-types';
import { fakeImage, installFreshIndexedDb, openTestDb } from './test-fixtures';

function check(id: string, moleId: string, takenAt: string): Check {
  return {
    id,
    moleId,
    takenAt,
    riskLevel: 'inconclusive',
    probability: 0.5,
    modelVersion: 'v',
    photo: fakeImage('image/jpeg', 1),
    crop: fakeImage('image/png', 2),
  };
}

describe('history store CRUD', () => {
  beforeEach(installFreshIndexedDb);

  it('adds, lists, updates and gets moles with the default re-check interval', async () => {
    const db = await openTestDb();
    const first = await addMole(
      db,
      { name: ' Left shoulder ', bodyLocation: 'back-upper-left' },
      new Date('2026-01-01T00:00:00.000Z'),
    );
    const second = await addMole(
      db,
      { name: 'Right calf', bodyLocation: 'back-leg-right', recheckIntervalDays: 30 },
      new Date('2026-01-02T00:00:00.000Z'),
    );
    if (!first.ok || !second.ok) throw new Error('add failed');
    expect(first.value.name).toBe('Left shoulder');
    expect(first.value.recheckIntervalDays).toBe(DEFAULT_RECHECK_INTERVAL_DAYS);
    const listed = await listMoles(db);
    expect(listed.ok && listed.value.map((m) => m.name)).toEqual(['Left shoulder', 'Right calf']);
    const updated = await updateMole(db, first.value.id, { recheckIntervalDays: 182 });
    expect(updated.ok && updated.value.recheckIntervalDays).toBe(182);
    const got = await getMole(db, first.value.id);
    expect(got.ok && got.value.recheckIntervalDays).toBe(182);
  });

  it('returns a not-found error value for a missing mole', async () => {
    const db = await openTestDb();
    const got = await getMole(db, 'nope');
    expect(got.ok).toBe(false);
    expect(!got.ok && got.error.kind).toBe('not-found');
    const updated = await updateMole(db, 'nope', { name: 'x' });
    expect(!updated.ok && updated.error.kind).toBe('not-found');
  });

  it('lists a mole’s checks in date order and refuses a check for a missing mole', async () => {
    const db = await openTestDb();
    const mole = await addMole(db, { name: 'A', bodyLocation: 'front-abdomen' });
    if (!mole.ok) throw new Error('add failed');
    await addCheck(db, check('c2', mole.value.id, '2026-05-01T00:00:00.000Z'));
    await addCheck(db, check('c1', mole.value.id, '2026-02-01T00:00:00.000Z'));
    const orphan = await addCheck(db, check('c3', 'missing', '2026-02-01T00:00:00.000Z'));
    expect(!orphan.ok && orphan.error.kind).toBe('not-found');
    const checks = await listChecks(db, mole.value.id);
    expect(checks.ok && checks.value.map((c) => c.id)).toEqual(['c1', 'c2']);
    const stored = checks.ok ? checks.value[0] : undefined;
    expect(stored?.photo).toBeInstanceOf(Blob);
  });

  it('deletes a check, a mole with its checks, and everything', async () => {
    const db = await openTestDb();
    const a = await addMole(db, { name: 'A', bodyLocation: 'front-abdomen' });
    const b = await addMole(db, { name: 'B', bodyLocation: 'front-head' });
    if (!a.ok || !b.ok) throw new Error('add failed');
    await addCheck(db, check('a1', a.value.id, '2026-02-01T00:00:00.000Z'));
    await addCheck(db, check('a2', a.value.id, '2026-03-01T00:00:00.000Z'));
    await addCheck(db, check('b1', b.value.id, '2026-02-01T00:00:00.000Z'));

    await deleteCheck(db, 'a2');
    let all = await listAllChecks(db);
    expect(all.ok && all.value.map((c) => c.id).sort()).toEqual(['a1', 'b1']);

    await deleteMole(db, a.value.id);
    all = await listAllChecks(db);
    expect(all.ok && all.value.map((c) => c.id)).toEqual(['b1']);
    const moles = await listMoles(db);
    expect(moles.ok && moles.value.map((m) => m.name)).toEqual(['B']);

    await deleteEverything(db);
    all = await listAllChecks(db);
    const none = await listMoles(db);
    expect(all.ok && all.value).toEqual([]);
    expect(none.ok && none.value).toEqual([]);
  });
});
