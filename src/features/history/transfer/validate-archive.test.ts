import { beforeEach, describe, expect, it } from 'vitest';
import type { HistoryDb } from '../store/open-history-db';
import { saveCheck } from '../store/save-check';
import { draft, fakeEncoder, installFreshIndexedDb, openTestDb } from '../store/test-fixtures';
import type { HistoryArchive } from './archive-format';
import { buildArchive } from './build-archive';
import { readHistory } from './read-history';
import { parseArchiveFile, validateArchive } from './validate-archive';

async function seededArchive(db: HistoryDb): Promise<HistoryArchive> {
  const saved = await saveCheck(
    db,
    draft(),
    { kind: 'new', mole: { name: 'A', bodyLocation: 'front-head' } },
    { encoder: fakeEncoder, storage: undefined },
  );
  if (!saved.ok) throw new Error(saved.error.message);
  const read = await readHistory(db);
  if (!read.ok) throw new Error('read failed');
  return buildArchive(read.value);
}

type Mutate = (archive: HistoryArchive & Record<string, unknown>) => unknown;

const corruptions: [string, Mutate, RegExp][] = [
  ['another app’s JSON', () => ({ name: 'my-package', version: '1.0.0' }), /not a Naevus history export/],
  ['a newer format version', (a) => ({ ...a, version: 2 }), /newer version of the app/],
  ['a probability above 1', (a) => ((a.checks[0]!.probability = 1.5), a), /invalid probability/],
  [
    'a probability stored as text',
    (a) => (((a.checks[0] as unknown as Record<string, unknown>).probability = '0.5'), a),
    /invalid probability/,
  ],
  [
    'an unknown risk level',
    (a) => (((a.checks[0] as unknown as Record<string, unknown>).riskLevel = 'melanoma'), a),
    /unknown risk level/,
  ],
  ['a non-ISO date', (a) => ((a.checks[0]!.takenAt = 'yesterday'), a), /invalid date/],
  [
    'broken base64',
    (a) => ((a.checks[0]!.photo.base64 = '!!!!' + a.checks[0]!.photo.base64.slice(4)), a),
    /damaged image data/,
  ],
  [
    'bytes that are not the declared image type',
    (a) => ((a.checks[0]!.crop.type = 'image/jpeg'), a),
    /damaged image data/,
  ],
  [
    'a check of a mole missing from the file',
    (a) => ((a.checks[0]!.moleId = 'ghost'), a),
    /mole that is not in the file/,
  ],
  ['a duplicated check', (a) => (a.checks.push(a.checks[0]!), a), /same check twice/],
  [
    'a missing mole name',
    (a) => (((a.moles[0] as unknown as Record<string, unknown>).name = undefined), a),
    /invalid "name"/,
  ],
  ['an oversized crop', (a) => ((a.checks[0]!.crop.base64 = 'AAAA'.repeat(1_000_000)), a), /too large/],
];

describe('archive validation', () => {
  beforeEach(installFreshIndexedDb);

  it('accepts a genuine export', async () => {
    const db = await openTestDb();
    const result = validateArchive(JSON.parse(JSON.stringify(await seededArchive(db))));
    expect(result.ok).toBe(true);
  });

  it.each(corruptions)('rejects %s with a plain message', async (_name, mutate, message) => {
    const db = await openTestDb();
    const archive = JSON.parse(JSON.stringify(await seededArchive(db))) as HistoryArchive &
      Record<string, unknown>;
    const result = validateArchive(mutate(archive));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.kind).toBe('invalid-file');
    expect(!result.ok && result.error.message).toMatch(message);
    expect(!result.ok && result.error.message).toMatch(/Nothing was changed\.$/);
  });

  it.each([
    ['an empty file', new Blob([]), /empty/],
    [
      'a JPEG renamed .json',
      new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2])]),
      /not a Naevus history export/,
    ],
    [
      'truncated JSON',
      new Blob(['{"format":"naevus-mole-history","version":1,"moles":[']),
      /not a Naevus history export/,
    ],
  ])('rejects %s before touching the database', async (_name, file, message) => {
    const result = await parseArchiveFile(file);
    expect(!result.ok && result.error.message).toMatch(message);
  });
});
