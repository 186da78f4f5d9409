import { beforeEach, describe, expect, it } from 'vitest';
import { deleteCheck, deleteEverything } from '../store/check-records';
import type { HistoryDb } from '../store/open-history-db';
import { updateMole } from '../store/mole-records';
import { saveCheck } from '../store/save-check';
import {
  blobBytes,
  CAT_PHOTO_CHECK,
  draft,
  fakeEncoder,
  fakeImage,
  installFreshIndexedDb,
  openTestDb,
} from '../store/test-fixtures';
import { ARCHIVE_FORMAT, ARCHIVE_VERSION } from './archive-format';
import { archiveToBlob, buildArchive } from './build-archive';
import { importSnapshot, planImport } from './import-archive';
import { readHistory, type HistorySnapshot } from './read-history';
import { parseArchiveFile } from './validate-archive';

async function seed(db: HistoryDb) {
  const deps = { encoder: fakeEncoder, storage: undefined };
  const first = await saveCheck(
    db,
    draft({ probability: 0.1234567891234 }),
    { kind: 'new', mole: { name: 'Left <shoulder>', bodyLocation: 'back-upper-left' } },
    deps,
  );
  if (!first.ok) throw new Error(first.error.message);
  await saveCheck(
    db,
    draft({
      takenAt: new Date('2026-06-01T08:30:00.000Z'),
      riskLevel: 'high',
      probability: 0.87654321,
      guard: { verdict: 'accept', problems: [], reasons: [] },
      crop: fakeImage('image/jpeg', 5, 300),
    }),
    { kind: 'existing', moleId: first.value.mole.id },
    deps,
  );
  await saveCheck(
    db,
    // A photo the photo check turned down: its verdict must survive the round trip, or its number would show.
    draft({ riskLevel: 'inconclusive', probability: 0.97, guard: CAT_PHOTO_CHECK }),
    { kind: 'new', mole: { name: 'Right calf', bodyLocation: 'back-leg-right', recheckIntervalDays: 30 } },
    deps,
  );
}

/** Everything observable about the history, image bytes included, in a comparable form. */
async function fingerprint(snapshot: HistorySnapshot) {
  return {
    moles: snapshot.moles,
    checks: await Promise.all(
      snapshot.checks.map(async ({ photo, crop, ...rest }) => ({
        ...rest,
        photo: [photo.type, await blobBytes(photo)],
        crop: [crop.type, await blobBytes(crop)],
      })),
    ),
  };
}

async function current(db: HistoryDb) {
  const read = await readHistory(db);
  if (!read.ok) throw new Error(read.error.message);
  return fingerprint(read.value);
}

describe('export → import round trip', () => {
  beforeEach(installFreshIndexedDb);

  it('restores exactly the same ids, dates, probabilities and image bytes after deleting everything', async () => {
    const db = await openTestDb();
    await seed(db);
    const before = await current(db);
    expect(before.checks).toHaveLength(3);
    // One check from before verdicts were kept, one accepted, one rejected.
    expect(before.checks.map((c) => c.guard?.verdict ?? 'none').sort()).toEqual(['accept', 'none', 'reject']);

    const read = await readHistory(db);
    if (!read.ok) throw new Error('read failed');
    const file = await archiveToBlob(read.value);
    await deleteEverything(db);
    expect((await current(db)).moles).toEqual([]);

    const parsed = await parseArchiveFile(file);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const imported = await importSnapshot(db, parsed.value);
    expect(imported.ok && imported.value).toEqual({
      moles: { added: 2, replaced: 0, unchanged: 0 },
      checks: { added: 3, unchanged: 0 },
    });
    expect(await current(db)).toEqual(before);
  });

  it('keeps each check’s inconclusive band through export → import, and checks saved without one as they were', async () => {
    const db = await openTestDb();
    await seed(db);
    const saved = await saveCheck(
      db,
      draft({
        riskLevel: 'high',
        probability: 0.7241,
        modelVersion: 'model-6',
        inconclusiveBand: [0.171, 0.724],
      }),
      { kind: 'new', mole: { name: 'Back', bodyLocation: 'back-upper-left' } },
      { encoder: fakeEncoder, storage: undefined },
    );
    if (!saved.ok) throw new Error(saved.error.message);
    const read = await readHistory(db);
    if (!read.ok) throw new Error('read failed');
    const archive = await buildArchive(read.value);
    expect(archive.version).toBe(3);
    expect(archive.checks.find((c) => c.id === saved.value.check.id)?.inconclusiveBand).toEqual([
      0.171, 0.724,
    ]);
    expect(archive.checks.filter((c) => 'inconclusiveBand' in c)).toHaveLength(1);

    const before = await current(db);
    const file = await archiveToBlob(read.value);
    await deleteEverything(db);
    const parsed = await parseArchiveFile(file);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const imported = await importSnapshot(db, parsed.value);
    expect(imported.ok).toBe(true);
    const after = await current(db);
    expect(after).toEqual(before);
    expect(after.checks.find((c) => c.id === saved.value.check.id)?.inconclusiveBand).toEqual([0.171, 0.724]);
    expect(after.checks.filter((c) => 'inconclusiveBand' in c)).toHaveLength(1);
  });

  it('exports a single mole with only its checks, and the file names its format and version', async () => {
    const db = await openTestDb();
    await seed(db);
    const all = await readHistory(db);
    if (!all.ok) throw new Error('read failed');
    const shoulder = all.value.moles.find((m) => m.name.startsWith('Left'));
    const one = await readHistory(db, shoulder?.id);
    if (!one.ok) throw new Error('read failed');
    const archive = await buildArchive(one.value);
    expect(archive.format).toBe(ARCHIVE_FORMAT);
    expect(archive.version).toBe(ARCHIVE_VERSION);
    expect(archive.moles.map((m) => m.name)).toEqual(['Left <shoulder>']);
    expect(archive.checks.map((c) => c.probability)).toEqual([0.1234567891234, 0.87654321]);
  });

  it('rolls back every write when one record fails half-way through an import', async () => {
    const db = await openTestDb();
    await seed(db);
    const before = await current(db);
    const read = await readHistory(db);
    if (!read.ok) throw new Error('read failed');
    const incoming: HistorySnapshot = {
      moles: [{ ...read.value.moles[0]!, name: 'Renamed by import' }],
      // A value IndexedDB cannot store (a function) makes the second put throw DataCloneError.
      checks: [
        read.value.checks[0]!,
        { ...read.value.checks[1]!, id: 'new', probability: (() => 1) as unknown as number },
      ],
    };
    const result = await importSnapshot(db, incoming);
    expect(result.ok).toBe(false);
    expect(await current(db)).toEqual(before);
  });
});

describe('importing over records that are already here', () => {
  beforeEach(installFreshIndexedDb);

  /** The reviewer's case: export a mole, rename it and delete a check, then import the export. */
  async function editedAfterExport(db: HistoryDb) {
    await seed(db);
    const all = await readHistory(db);
    if (!all.ok) throw new Error('read failed');
    const shoulder = all.value.moles.find((m) => m.name.startsWith('Left'))!;
    const exported = await readHistory(db, shoulder.id);
    if (!exported.ok) throw new Error('read failed');
    const parsed = await parseArchiveFile(await archiveToBlob(exported.value));
    if (!parsed.ok) throw new Error(parsed.error.message);
    await updateMole(db, shoulder.id, { name: 'Beta renamed', recheckIntervalDays: 30 });
    await deleteCheck(db, exported.value.checks[0]!.id);
    return { archive: parsed.value, shoulder };
  }

  it('plans without writing: which moles would be replaced, by what, and which checks would be added', async () => {
    const db = await openTestDb();
    const { archive, shoulder } = await editedAfterExport(db);
    const before = await current(db);

    const plan = await planImport(db, archive);
    if (!plan.ok) throw new Error(plan.error.message);
    expect(plan.value.moles).toEqual({ added: 0, replaced: 1, unchanged: 0 });
    expect(plan.value.checks).toEqual({ added: 1, unchanged: 1 });
    expect(plan.value.changedMoles).toEqual([
      {
        current: { ...shoulder, name: 'Beta renamed', recheckIntervalDays: 30 },
        incoming: shoulder,
        checksNotHere: 1,
      },
    ]);
    expect(await current(db)).toEqual(before);
  });

  it('says how many records the import added and how many it replaced', async () => {
    const db = await openTestDb();
    const { archive } = await editedAfterExport(db);
    const imported = await importSnapshot(db, archive);
    expect(imported.ok && imported.value).toEqual({
      moles: { added: 0, replaced: 1, unchanged: 0 },
      checks: { added: 1, unchanged: 1 },
    });
    const after = await current(db);
    expect(after.moles.map((m) => m.name).sort()).toEqual(['Left <shoulder>', 'Right calf']);
    expect(after.checks).toHaveLength(3);
  });

  it('plans nothing to replace for an import into an empty history', async () => {
    const db = await openTestDb();
    const { archive } = await editedAfterExport(db);
    await deleteEverything(db);
    const plan = await planImport(db, archive);
    expect(plan.ok && plan.value).toEqual({
      moles: { added: 1, replaced: 0, unchanged: 0 },
      checks: { added: 2, unchanged: 0 },
      changedMoles: [],
    });
  });

  /** Everything on this device, exported and parsed back: an archive identical to what is here. */
  async function exportOfEverything(db: HistoryDb) {
    const read = await readHistory(db);
    if (!read.ok) throw new Error('read failed');
    const parsed = await parseArchiveFile(await archiveToBlob(read.value));
    if (!parsed.ok) throw new Error(parsed.error.message);
    return parsed.value;
  }

  it('plans and imports nothing for an archive identical to what is here, and writes nothing', async () => {
    const db = await openTestDb();
    await seed(db);
    const archive = await exportOfEverything(db);
    const before = await current(db);
    const nothing = {
      moles: { added: 0, replaced: 0, unchanged: 2 },
      checks: { added: 0, unchanged: 3 },
    };
    const plan = await planImport(db, archive);
    expect(plan.ok && plan.value).toEqual({ ...nothing, changedMoles: [] });
    const imported = await importSnapshot(db, archive);
    expect(imported.ok && imported.value).toEqual(nothing);
    expect(await current(db)).toEqual(before);
  });

  it('counts as replaced only the mole whose fields differ; a check already here is left as it is', async () => {
    const db = await openTestDb();
    await seed(db);
    const archive = await exportOfEverything(db);
    const calf = archive.moles.find((m) => m.name === 'Right calf')!;
    await updateMole(db, calf.id, { recheckIntervalDays: 60 });
    // The same check id with other content (a hand-edited file): checks are never edited, so it is not written.
    const tampered = { ...archive, checks: archive.checks.map((c) => ({ ...c, probability: 0.5 })) };
    const plan = await planImport(db, tampered);
    if (!plan.ok) throw new Error(plan.error.message);
    expect(plan.value.moles).toEqual({ added: 0, replaced: 1, unchanged: 1 });
    expect(plan.value.checks).toEqual({ added: 0, unchanged: 3 });
    expect(plan.value.changedMoles).toEqual([
      { current: { ...calf, recheckIntervalDays: 60 }, incoming: calf, checksNotHere: 0 },
    ]);
    const before = await current(db);
    const imported = await importSnapshot(db, tampered);
    expect(imported.ok && imported.value).toEqual({
      moles: { added: 0, replaced: 1, unchanged: 1 },
      checks: { added: 0, unchanged: 3 },
    });
    const after = await current(db);
    expect(after.checks).toEqual(before.checks);
    expect(after.moles.find((m) => m.id === calf.id)).toEqual(calf);
  });

  it('a mole that only gains a check not on this device is unchanged, not replaced, and is not rewritten', async () => {
    const db = await openTestDb();
    await seed(db);
    const archive = await exportOfEverything(db);
    // Deleted here since the export, or taken on another device: either way its mole stays as it is.
    const gone = archive.checks[0]!;
    await deleteCheck(db, gone.id);
    const mole = archive.moles.find((m) => m.id === gone.moleId)!;
    const sameCounts = {
      moles: { added: 0, replaced: 0, unchanged: 2 },
      checks: { added: 1, unchanged: 2 },
    };
    const plan = await planImport(db, archive);
    expect(plan.ok && plan.value).toEqual({
      ...sameCounts,
      changedMoles: [{ current: mole, incoming: mole, checksNotHere: 1 }],
    });
    const imported = await importSnapshot(db, archive);
    expect(imported.ok && imported.value).toEqual(sameCounts);
    expect((await current(db)).checks.map((c) => c.id)).toContain(gone.id);
  });
});
