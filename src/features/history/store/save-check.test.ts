import { beforeEach, describe, expect, it } from 'vitest';
import { listAllChecks } from './check-records';
import { listMoles } from './mole-records';
import { saveCheck } from './save-check';
import type { StorageLike } from './storage-persistence';
import {
  blobBytes,
  CAT_PHOTO_CHECK,
  draft,
  fakeEncoder,
  fakeImage,
  installFreshIndexedDb,
  openTestDb,
} from './test-fixtures';

function storageSpy(): StorageLike & { persistCalls: number } {
  let persisted = false;
  return {
    persistCalls: 0,
    async persisted() {
      return persisted;
    },
    async persist() {
      this.persistCalls++;
      persisted = true;
      return true;
    },
  };
}

describe('saveCheck', () => {
  beforeEach(installFreshIndexedDb);

  it('creates a new mole, compresses the photo, keeps the crop bytes and asks for persistence once', async () => {
    const db = await openTestDb();
    const storage = storageSpy();
    const deps = { encoder: fakeEncoder, storage, now: () => new Date('2026-03-01T10:00:00.000Z') };
    const input = draft();
    const first = await saveCheck(
      db,
      input,
      { kind: 'new', mole: { name: 'Left shoulder', bodyLocation: 'back-upper-left' } },
      deps,
    );
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value.check.photo.type).toBe('image/jpeg');
    expect((await blobBytes(first.value.check.photo)).slice(0, 3)).toEqual([0xff, 0xd8, 0xff]);
    expect(await blobBytes(first.value.check.crop)).toEqual(await blobBytes(input.crop as Blob));
    expect(first.value.check.takenAt).toBe('2026-03-01T10:00:00.000Z');

    const second = await saveCheck(
      db,
      draft({ probability: 0.7, riskLevel: 'high' }),
      { kind: 'existing', moleId: first.value.mole.id },
      deps,
    );
    expect(second.ok).toBe(true);
    expect(storage.persistCalls).toBe(1);
    const moles = await listMoles(db);
    const checks = await listAllChecks(db);
    expect(moles.ok && moles.value.length).toBe(1);
    expect(checks.ok && checks.value.map((c) => c.probability).sort()).toEqual([0.123456789, 0.7]);
  });

  it('re-encodes a crop that is neither JPEG nor PNG', async () => {
    const db = await openTestDb();
    const crop = new Blob([new Uint8Array([1, 2, 3, 4])], { type: 'image/webp' });
    const saved = await saveCheck(
      db,
      draft({ crop }),
      { kind: 'new', mole: { name: 'x', bodyLocation: 'front-head' } },
      { encoder: fakeEncoder, storage: undefined },
    );
    expect(saved.ok && saved.value.check.crop.type).toBe('image/jpeg');
  });

  it('encodes a crop handed over as pixels as PNG', async () => {
    const db = await openTestDb();
    const crop = { width: 2, height: 2, data: new Uint8ClampedArray(16).fill(7) };
    const saved = await saveCheck(
      db,
      draft({ crop }),
      { kind: 'new', mole: { name: 'x', bodyLocation: 'front-head' } },
      { encoder: fakeEncoder, storage: undefined },
    );
    if (!saved.ok) throw new Error(saved.error.message);
    expect(saved.value.check.crop.type).toBe('image/png');
    expect((await blobBytes(saved.value.check.crop)).slice(8)).toEqual(Array(16).fill(7));
  });

  it('turns a quota failure into a plain message and leaves earlier saves intact', async () => {
    const db = await openTestDb();
    const deps = { encoder: fakeEncoder, storage: undefined };
    const kept = await saveCheck(
      db,
      draft(),
      { kind: 'new', mole: { name: 'Kept', bodyLocation: 'front-head' } },
      deps,
    );
    expect(kept.ok).toBe(true);

    // Simulate a full disk when the check is written, after the new mole was already added in the same
    // transaction: the mole must be rolled back too.
    const realAdd = IDBObjectStore.prototype.add;
    IDBObjectStore.prototype.add = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if (typeof value === 'object' && value !== null && 'photo' in value) {
        throw new DOMException('full', 'QuotaExceededError');
      }
      return realAdd.call(this, value, key);
    };
    let failed;
    try {
      failed = await saveCheck(
        db,
        draft(),
        { kind: 'new', mole: { name: 'Lost', bodyLocation: 'front-head' } },
        deps,
      );
    } finally {
      IDBObjectStore.prototype.add = realAdd;
    }

    expect(failed.ok).toBe(false);
    expect(!failed.ok && failed.error.kind).toBe('quota');
    expect(!failed.ok && failed.error.message).toMatch(/not enough storage space/i);
    const moles = await listMoles(db);
    expect(moles.ok && moles.value.map((m) => m.name)).toEqual(['Kept']);
  });

  it('reports a photo that cannot be prepared without writing anything', async () => {
    const db = await openTestDb();
    const broken = {
      async toJpeg(): Promise<Blob> {
        throw new Error('decode failed');
      },
      async toPng(): Promise<Blob> {
        throw new Error('encode failed');
      },
    };
    const saved = await saveCheck(
      db,
      draft({ photo: fakeImage('image/jpeg', 9) }),
      { kind: 'new', mole: { name: 'x', bodyLocation: 'front-head' } },
      { encoder: broken, storage: undefined },
    );
    expect(saved.ok).toBe(false);
    const moles = await listMoles(db);
    expect(moles.ok && moles.value).toEqual([]);
  });

  it('keeps the photo check verdict and reasons, and nothing else of the analysis result', async () => {
    const db = await openTestDb();
    // What the app hands over: the analysis result's guard, which also carries a domain distance.
    const guard = { ...CAT_PHOTO_CHECK, domainDistance: 3.2 };
    const saved = await saveCheck(
      db,
      draft({ riskLevel: 'inconclusive', probability: 0.97, guard }),
      { kind: 'new', mole: { name: 'Cat', bodyLocation: 'front-head' } },
      { encoder: fakeEncoder, storage: undefined },
    );
    if (!saved.ok) throw new Error(saved.error.message);
    const checks = await listAllChecks(db);
    if (!checks.ok) throw new Error(checks.error.message);
    expect(checks.value[0]!.guard).toEqual(CAT_PHOTO_CHECK);
    // The model's number is kept in storage; the views decide not to show it.
    expect(checks.value[0]!.probability).toBe(0.97);
  });

  it('stores a draft without a verdict exactly like the checks saved before verdicts were kept', async () => {
    const db = await openTestDb();
    await saveCheck(
      db,
      draft(),
      { kind: 'new', mole: { name: 'A', bodyLocation: 'front-head' } },
      { encoder: fakeEncoder, storage: undefined },
    );
    const checks = await listAllChecks(db);
    expect(checks.ok && 'guard' in checks.value[0]!).toBe(false);
    // Nor a band: such a check is shown as the ones saved before bands were kept.
    expect(checks.ok && 'inconclusiveBand' in checks.value[0]!).toBe(false);
  });

  it('keeps the inconclusive band the level was decided with, as a copy of the model’s', async () => {
    const db = await openTestDb();
    const modelBand = [0.171, 0.724] as const;
    const saved = await saveCheck(
      db,
      draft({ riskLevel: 'high', probability: 0.7241, inconclusiveBand: modelBand }),
      { kind: 'new', mole: { name: 'A', bodyLocation: 'front-head' } },
      { encoder: fakeEncoder, storage: undefined },
    );
    if (!saved.ok) throw new Error(saved.error.message);
    expect(saved.value.check.inconclusiveBand).not.toBe(modelBand);
    const checks = await listAllChecks(db);
    if (!checks.ok) throw new Error(checks.error.message);
    expect(checks.value[0]!.inconclusiveBand).toEqual([0.171, 0.724]);
  });
});
