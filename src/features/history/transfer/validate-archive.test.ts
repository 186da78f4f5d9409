import { beforeEach, describe, expect, it } from 'vitest';
import type { HistoryDb } from '../store/open-history-db';
import { saveCheck } from '../store/save-check';
import type { StoredPhotoCheck } from '../store/history-types';
import {
  CAT_PHOTO_CHECK,
  draft,
  fakeEncoder,
  installFreshIndexedDb,
  openTestDb,
} from '../store/test-fixtures';
import { ARCHIVE_VERSION, type HistoryArchive } from './archive-format';
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
  ['a newer format version', (a) => ({ ...a, version: ARCHIVE_VERSION + 1 }), /newer version of the app/],
  ['a format version 0', (a) => ({ ...a, version: 0 }), /unknown format version/],
  [
    'an unknown photo check verdict',
    (a) => ((a.checks[0]!.guard = { ...CAT_PHOTO_CHECK, verdict: 'maybe' as 'reject' }), a),
    /invalid photo check result/,
  ],
  [
    'photo check reasons that are not a list of texts',
    (a) => ((a.checks[0]!.guard = { ...CAT_PHOTO_CHECK, reasons: [42 as unknown as string] }), a),
    /invalid photo check result/,
  ],
  [
    'a photo check without its reasons',
    (a) => ((a.checks[0]!.guard = { verdict: 'reject', problems: [] } as unknown as StoredPhotoCheck), a),
    /invalid photo check result/,
  ],
  [
    'a photo check that is not an object',
    (a) => (((a.checks[0] as unknown as Record<string, unknown>).guard = 'reject'), a),
    /damaged/,
  ],
  [
    'an inconclusive band that is not a pair',
    (a) => (((a.checks[0] as unknown as Record<string, unknown>).inconclusiveBand = [0.2, 0.5, 0.7]), a),
    /invalid inconclusive band/,
  ],
  [
    'an inconclusive band whose low edge is above its high edge',
    (a) => ((a.checks[0]!.inconclusiveBand = [0.7, 0.2]), a),
    /invalid inconclusive band/,
  ],
  [
    'an inconclusive band beyond 0–1',
    (a) => ((a.checks[0]!.inconclusiveBand = [0.2, 1.5]), a),
    /invalid inconclusive band/,
  ],
  [
    'an inconclusive band edge stored as text',
    (a) => (((a.checks[0] as unknown as Record<string, unknown>).inconclusiveBand = ['0.2', 0.7]), a),
    /invalid inconclusive band/,
  ],
  [
    'an inconclusive band that is not a list',
    (a) => (((a.checks[0] as unknown as Record<string, unknown>).inconclusiveBand = { low: 0.2 }), a),
    /invalid inconclusive band/,
  ],
  [
    'an inconclusive band of null',
    (a) => (((a.checks[0] as unknown as Record<string, unknown>).inconclusiveBand = null), a),
    /invalid inconclusive band/,
  ],
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

  it('reads a photo check verdict, and a version 1 file (made before verdicts were kept) as before', async () => {
    const db = await openTestDb();
    const archive = JSON.parse(JSON.stringify(await seededArchive(db))) as HistoryArchive;
    archive.checks[0]!.guard = CAT_PHOTO_CHECK;
    const current = validateArchive(archive);
    expect(current.ok && current.value.checks[0]!.guard).toEqual(CAT_PHOTO_CHECK);

    const v1Check = { ...archive.checks[0]! };
    delete v1Check.guard;
    const v1 = validateArchive({ ...archive, version: 1, checks: [v1Check] });
    if (!v1.ok) throw new Error(v1.error.message);
    expect('guard' in v1.value.checks[0]!).toBe(false);
    expect(v1.value.checks[0]!.probability).toBe(archive.checks[0]!.probability);
  });

  it('reads a check’s inconclusive band, an empty band, and a version 2 file (made before bands were kept)', async () => {
    const db = await openTestDb();
    const archive = JSON.parse(JSON.stringify(await seededArchive(db))) as HistoryArchive;
    expect(archive.version).toBe(3);
    archive.checks[0]!.inconclusiveBand = [0.171, 0.724];
    const current = validateArchive(archive);
    expect(current.ok && current.value.checks[0]!.inconclusiveBand).toEqual([0.171, 0.724]);
    // A model without an inconclusive range has low = high; the edges 0 and 1 are allowed.
    archive.checks[0]!.inconclusiveBand = [0.4, 0.4];
    expect(validateArchive(archive).ok).toBe(true);
    archive.checks[0]!.inconclusiveBand = [0, 1];
    expect(validateArchive(archive).ok).toBe(true);

    const v2Check = { ...archive.checks[0]!, guard: CAT_PHOTO_CHECK };
    delete v2Check.inconclusiveBand;
    const v2 = validateArchive({ ...archive, version: 2, checks: [v2Check] });
    if (!v2.ok) throw new Error(v2.error.message);
    expect('inconclusiveBand' in v2.value.checks[0]!).toBe(false);
    expect(v2.value.checks[0]!.guard).toEqual(CAT_PHOTO_CHECK);
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
