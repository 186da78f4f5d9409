// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteCheck, deleteEverything } from '../store/check-records';
import type { Mole } from '../store/history-types';
import { updateMole } from '../store/mole-records';
import type { HistoryDb } from '../store/open-history-db';
import { installFreshIndexedDb, openTestDb, storedCheck } from '../store/test-fixtures';
import { archiveToBlob } from '../transfer/build-archive';
import { importSnapshot, planImport } from '../transfer/import-archive';
import { readHistory, type HistorySnapshot } from '../transfer/read-history';
import { DataTools } from './data-tools';

const alpha: Mole = {
  id: 'alpha',
  name: 'Alpha',
  bodyLocation: 'back-upper-left',
  createdAt: '2026-01-01T00:00:00.000Z',
  recheckIntervalDays: 91,
};
const checks = [
  storedCheck({ id: 'first', moleId: 'alpha', takenAt: '2026-03-01T10:00:00.000Z' }),
  storedCheck({ id: 'second', moleId: 'alpha', takenAt: '2026-06-01T08:30:00.000Z' }),
];

/**
 * A mole "Alpha" with two checks on this device, and "Export this mole" of it. (Built from records, not read
 * back: jsdom's Blob does not survive fake-indexeddb's structured clone, so a stored photo cannot be exported.)
 */
async function alphaAndItsExport(db: HistoryDb): Promise<File> {
  const snapshot = { moles: [alpha], checks };
  const saved = await importSnapshot(db, snapshot);
  if (!saved.ok) throw new Error(saved.error.message);
  return new File([await archiveToBlob(snapshot)], 'alpha.json', { type: 'application/json' });
}

/** After the export: renamed, and its first check deleted. */
async function editSinceExport(db: HistoryDb): Promise<void> {
  await updateMole(db, alpha.id, { name: 'Beta renamed' });
  await deleteCheck(db, 'first');
}

async function stored(db: HistoryDb): Promise<HistorySnapshot> {
  const read = await readHistory(db);
  if (!read.ok) throw new Error(read.error.message);
  return read.value;
}

function chooseFile(file: File) {
  fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });
}

/** The archive of Alpha, then Alpha edited here, then that archive chosen for import; returns the edited history. */
async function importEditedArchive(db: HistoryDb): Promise<HistorySnapshot> {
  const file = await alphaAndItsExport(db);
  await editSinceExport(db);
  const edited = await stored(db);
  render(<DataTools db={db} isEmpty={false} version={0} />);
  chooseFile(file);
  return edited;
}

let db: HistoryDb;

beforeEach(async () => {
  installFreshIndexedDb();
  db = await openTestDb();
});

afterEach(cleanup);

describe('DataTools import', () => {
  it('asks before an archive replaces a mole edited since the export, and changes nothing on Cancel', async () => {
    const edited = await importEditedArchive(db);
    const question = await screen.findByTestId('import-confirm');
    expect(question.textContent).toContain('1 mole you already have will change:');
    const replaced = within(question).getByRole('listitem');
    expect(replaced.textContent).toBe('Beta renamed → Alpha (1 check not on this device will be added)');
    expect(question.textContent).toContain('In all: 1 check added, 1 mole replaced, 1 check already here.');
    // Nothing is written while the person is being asked.
    expect(await stored(db)).toEqual(edited);

    fireEvent.click(within(question).getByRole('button', { name: 'Cancel' }));
    expect((await screen.findByTestId('history-status')).textContent).toBe(
      'Import cancelled. Nothing was changed.',
    );
    expect(screen.queryByTestId('import-confirm')).toBeNull();
    expect(await stored(db)).toEqual(edited);
    // Focus is not lost to <body>: it goes back to the import control.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('import-file')));
  });

  it('Escape while the question is open acts as Cancel', async () => {
    const edited = await importEditedArchive(db);
    const question = await screen.findByTestId('import-confirm');
    await waitFor(() => expect(document.activeElement).toBe(question));
    fireEvent.keyDown(within(question).getByRole('button', { name: 'Replace and import' }), {
      key: 'Escape',
    });
    expect((await screen.findByTestId('history-status')).textContent).toBe(
      'Import cancelled. Nothing was changed.',
    );
    expect(screen.queryByTestId('import-confirm')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('import-file')));
    expect(await stored(db)).toEqual(edited);
  });

  it('asks about only the mole that differs, not one identical to the archive’s', async () => {
    const gamma: Mole = { ...alpha, id: 'gamma', name: 'Gamma', bodyLocation: 'back-leg-right' };
    const both = { moles: [alpha, gamma], checks };
    const saved = await importSnapshot(db, both);
    if (!saved.ok) throw new Error(saved.error.message);
    const file = new File([await archiveToBlob(both)], 'both.json', { type: 'application/json' });
    await updateMole(db, 'gamma', { recheckIntervalDays: 30 });

    render(<DataTools db={db} isEmpty={false} version={0} />);
    chooseFile(file);
    const question = await screen.findByTestId('import-confirm');
    expect(question.textContent).toContain('1 mole you already have will change:');
    expect(
      within(question)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Gamma (re-check every 30 → 91 days)']);
    expect(question.textContent).toContain(
      'In all: nothing added, 1 mole replaced, 1 mole and 2 checks already here.',
    );
  });

  it('never calls a mole it is about to replace "the same as here"', async () => {
    // Differs only in a field the list does not name (a hand-edited or foreign file): still a replacement.
    const file = await alphaAndItsExport(db);
    await importSnapshot(db, { moles: [{ ...alpha, createdAt: '2025-12-24T09:00:00.000Z' }], checks: [] });

    render(<DataTools db={db} isEmpty={false} version={0} />);
    chooseFile(file);
    const question = await screen.findByTestId('import-confirm');
    const item = within(question).getByRole('listitem');
    expect(item.textContent).not.toMatch(/same as here/);
    expect(item.textContent).toBe('Alpha (other saved details differ)');
  });

  it('after "Replace and import" says how many records were added and how many replaced', async () => {
    await importEditedArchive(db);
    fireEvent.click(await screen.findByRole('button', { name: 'Replace and import' }));
    expect((await screen.findByTestId('history-status')).textContent).toBe(
      'Imported: 1 check added, 1 mole replaced by the archive’s version. Already on this device and left as they were: 1 check.',
    );
    const after = await stored(db);
    expect(after.moles.map((m) => m.name)).toEqual(['Alpha']);
    expect(after.checks.map((c) => c.id).sort()).toEqual(['first', 'second']);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('import-file')));
  });

  it('re-importing an archive identical to what is here asks nothing and says nothing was imported', async () => {
    const file = await alphaAndItsExport(db);
    const before = await stored(db);

    render(<DataTools db={db} isEmpty={false} version={0} />);
    chooseFile(file);
    expect((await screen.findByTestId('history-status')).textContent).toBe(
      'Nothing to import: everything in this file is already on this device.',
    );
    expect(screen.queryByTestId('import-confirm')).toBeNull();
    expect(await stored(db)).toEqual(before);
  });

  it('re-importing after a check was deleted adds it back without asking about the mole twice', async () => {
    const file = await alphaAndItsExport(db);
    await deleteCheck(db, 'first');

    render(<DataTools db={db} isEmpty={false} version={0} />);
    chooseFile(file);
    // The mole itself is unchanged, but a check comes back: that is still a change the person is asked about.
    const question = await screen.findByTestId('import-confirm');
    expect(within(question).getByRole('listitem').textContent).toBe(
      'Alpha (1 check not on this device will be added)',
    );
    // Nothing would be overwritten, so the button does not say "Replace".
    fireEvent.click(within(question).getByRole('button', { name: 'Add and import' }));
    // The mole's record is not rewritten, so it is not called replaced.
    expect((await screen.findByTestId('history-status')).textContent).toBe(
      'Imported: 1 check added. Already on this device and left as they were: 1 mole and 1 check.',
    );
    expect((await stored(db)).checks.map((c) => c.id).sort()).toEqual(['first', 'second']);
  });

  it('a mole here that only gains a check taken on another device is asked about but not called replaced', async () => {
    await importSnapshot(db, { moles: [alpha], checks });
    const elsewhere = storedCheck({ id: 'elsewhere', moleId: 'alpha', takenAt: '2026-07-01T09:00:00.000Z' });
    const archive = { moles: [alpha], checks: [...checks, elsewhere] };
    const file = new File([await archiveToBlob(archive)], 'other-device.json', { type: 'application/json' });
    const plan = await planImport(db, archive);
    expect(plan.ok && { moles: plan.value.moles, checks: plan.value.checks }).toEqual({
      moles: { added: 0, replaced: 0, unchanged: 1 },
      checks: { added: 1, unchanged: 2 },
    });

    render(<DataTools db={db} isEmpty={false} version={0} />);
    chooseFile(file);
    const question = await screen.findByTestId('import-confirm');
    expect(question.textContent).toContain('1 mole you already have will change:');
    expect(within(question).getByRole('listitem').textContent).toBe(
      'Alpha (1 check not on this device will be added)',
    );
    expect(question.textContent).toContain(
      'In all: 1 check added, nothing replaced, 1 mole and 2 checks already here.',
    );
    fireEvent.click(within(question).getByRole('button', { name: 'Add and import' }));
    const status = (await screen.findByTestId('history-status')).textContent;
    expect(status).toBe(
      'Imported: 1 check added. Already on this device and left as they were: 1 mole and 2 checks.',
    );
    expect(status).not.toMatch(/replaced/);
    expect((await stored(db)).checks.map((c) => c.id).sort()).toEqual(['elsewhere', 'first', 'second']);
  });

  it('imports at once, without asking, when the archive replaces nothing', async () => {
    const file = await alphaAndItsExport(db);
    await deleteEverything(db);

    render(<DataTools db={db} isEmpty={true} version={0} />);
    chooseFile(file);
    expect((await screen.findByTestId('history-status')).textContent).toBe(
      'Imported 1 mole and 2 checks, all new to this device.',
    );
    expect(screen.queryByTestId('import-confirm')).toBeNull();
    expect((await stored(db)).checks).toHaveLength(2);
  });

  it('still refuses a broken file before asking anything', async () => {
    const file = await alphaAndItsExport(db);
    const before = await stored(db);
    render(<DataTools db={db} isEmpty={false} version={0} />);
    chooseFile(new File([(await file.text()).slice(0, 500)], 'broken.json'));
    expect((await screen.findByTestId('history-error')).textContent).toMatch(/Nothing was changed\./);
    expect(screen.queryByTestId('import-confirm')).toBeNull();
    expect(await stored(db)).toEqual(before);
  });
});
