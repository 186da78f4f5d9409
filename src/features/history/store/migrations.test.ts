import { beforeEach, describe, expect, it } from 'vitest';
import { HISTORY_DB_VERSION, MIGRATIONS } from './migrations';
import { listChecks } from './check-records';
import { listMoles } from './mole-records';
import { openHistoryDb } from './open-history-db';
import { fakeImage, installFreshIndexedDb, openTestDb } from './test-fixtures';

describe('history schema migrations', () => {
  beforeEach(installFreshIndexedDb);

  it('creates the current schema on a fresh install', async () => {
    const db = await openTestDb();
    expect(db.version).toBe(HISTORY_DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['checks', 'moles']);
    expect([...db.transaction('checks').store.indexNames].sort()).toEqual(['by-mole', 'by-mole-taken']);
    db.close();
  });

  it('upgrades a v1 database to v2 keeping every record and adding the date index', async () => {
    const v1 = await openTestDb(MIGRATIONS.slice(0, 1));
    expect(v1.version).toBe(1);
    expect([...v1.transaction('checks').store.indexNames]).toEqual(['by-mole']);
    await v1.put('moles', {
      id: 'm',
      name: 'Old mole',
      bodyLocation: 'front-head',
      createdAt: '2025-01-01T00:00:00.000Z',
      recheckIntervalDays: 91,
    });
    for (const [id, takenAt] of [
      ['late', '2025-06-01T00:00:00.000Z'],
      ['early', '2025-02-01T00:00:00.000Z'],
    ] as const) {
      await v1.put('checks', {
        id,
        moleId: 'm',
        takenAt,
        riskLevel: 'low',
        probability: 0.1,
        modelVersion: 'v0',
        photo: fakeImage('image/jpeg', 1),
        crop: fakeImage('image/png', 2),
      });
    }
    v1.close();

    const v2 = await openTestDb();
    expect(v2.version).toBe(2);
    expect([...v2.transaction('checks').store.indexNames].sort()).toEqual(['by-mole', 'by-mole-taken']);
    const moles = await listMoles(v2);
    expect(moles.ok && moles.value.map((m) => m.name)).toEqual(['Old mole']);
    // listChecks reads through the v2 index, so this also proves the index was built over existing data.
    const checks = await listChecks(v2, 'm');
    expect(checks.ok && checks.value.map((c) => c.id)).toEqual(['early', 'late']);
    v2.close();
  });

  it('steps aside for a newer schema in another tab, and an older page then reports "outdated"', async () => {
    let outdated = 0;
    const current = await openHistoryDb({ onOutdated: () => outdated++ });
    if (!current.ok) throw new Error(current.error.message);
    const next = await openTestDb([...MIGRATIONS, () => undefined]);
    expect(next.version).toBe(HISTORY_DB_VERSION + 1);
    expect(outdated).toBe(1);
    next.close();

    const older = await openHistoryDb();
    expect(!older.ok && older.error.kind).toBe('outdated');
    expect(!older.ok && older.error.message).toMatch(/Reload this page/);
  });
});
