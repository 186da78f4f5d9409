// 'auto' installs every IDB* global idb needs (IDBRequest, IDBCursor, ...); each test then swaps in a fresh factory.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openHistoryDb, type HistoryDb } from './open-history-db';
import type { Check, CheckDraft, StoredPhotoCheck } from './history-types';
import type { PhotoEncoder } from './photo-encoder';
import type { Migration } from './migrations';

/** A fresh, empty in-memory IndexedDB per test (fake-indexeddb), installed where idb looks for it. */
export function installFreshIndexedDb(): void {
  globalThis.indexedDB = new IDBFactory();
}

export async function openTestDb(migrations?: readonly Migration[]): Promise<HistoryDb> {
  const opened = await openHistoryDb(migrations ? { migrations } : {});
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value;
}

/** Distinct, valid-looking image bytes: the right magic number followed by a seed-dependent body. */
export function fakeImage(type: 'image/jpeg' | 'image/png', seed: number, length = 64): Blob {
  const head =
    type === 'image/jpeg' ? [0xff, 0xd8, 0xff, 0xe0] : [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  const bytes = new Uint8Array(length);
  bytes.set(head);
  for (let i = head.length; i < length; i++) bytes[i] = (seed * 31 + i * 7) % 256;
  return new Blob([bytes], { type });
}

/** Stands in for canvas re-encoding: returns a "JPEG" derived from the input so tests can see it was applied. */
export const fakeEncoder: PhotoEncoder & { calls: number } = {
  calls: 0,
  async toJpeg(source) {
    this.calls++;
    const bytes =
      source instanceof Blob ? new Uint8Array(await source.arrayBuffer()) : new Uint8Array(source.data);
    const out = new Uint8Array(bytes.length + 4);
    out.set([0xff, 0xd8, 0xff, 0xdb]);
    out.set(bytes, 4);
    return new Blob([out], { type: 'image/jpeg' });
  },
  async toPng(image) {
    const out = new Uint8Array(image.data.length + 8);
    out.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    out.set(image.data, 8);
    return new Blob([out], { type: 'image/png' });
  },
};

export function draft(overrides: Partial<CheckDraft> = {}): CheckDraft {
  return {
    photo: fakeImage('image/png', 1, 256),
    crop: fakeImage('image/png', 2),
    takenAt: new Date('2026-03-01T10:00:00.000Z'),
    riskLevel: 'low',
    probability: 0.123456789,
    modelVersion: 'test-1.0.0',
    ...overrides,
  };
}

export async function blobBytes(blob: Blob): Promise<number[]> {
  return Array.from(new Uint8Array(await blob.arrayBuffer()));
}

/** What the photo check says about a cat photo (the reviewer's repro): the model's 97% must never be shown. */
export const CAT_PHOTO_CHECK: StoredPhotoCheck = {
  verdict: 'reject',
  problems: ['not-skin'],
  reasons: [
    'This does not look like a close-up of skin. Fill the frame with the mole and the skin around it, with nothing else in view.',
  ],
};

/** A check as stored, for views and reports that take records rather than the database. */
export function storedCheck(overrides: Partial<Check> = {}): Check {
  return {
    id: 'check',
    moleId: 'm',
    takenAt: '2026-03-01T10:00:00.000Z',
    riskLevel: 'low',
    probability: 0.07,
    modelVersion: 'test-1.0.0',
    photo: fakeImage('image/jpeg', 1),
    crop: fakeImage('image/png', 2),
    ...overrides,
  };
}

/** jsdom has no blob URLs; views that show stored pictures need them to render at all. */
export function stubBlobUrls(): void {
  URL.createObjectURL = () => 'blob:test';
  URL.revokeObjectURL = () => undefined;
}
