// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { historyDb } from '../store/history-db-instance';
import { addMole, getMole } from '../store/mole-records';
import type { HistoryDb } from '../store/open-history-db';
import { installFreshIndexedDb } from '../store/test-fixtures';
import { onHistoryChanged } from './history-events';
import { MoleItem } from './mole-item';
import { summariseMoles } from './mole-summary';
import { MoleTimelineView } from './mole-timeline-view';
import { MOLE_NAME_MAX_LENGTH } from './mole-name';
import { useHistorySnapshot } from './use-history-snapshot';

/** The list row and the timeline of the first mole, fed by the same snapshot hook as the real screen. */
function ListAndTimeline() {
  const history = useHistorySnapshot();
  if (history.status !== 'ready') return <p>{history.status}</p>;
  const [summary] = summariseMoles(history.snapshot);
  if (!summary) return <p>no mole</p>;
  return (
    <>
      <ul>
        <MoleItem summary={summary} due={false} onOpen={() => undefined} />
      </ul>
      <MoleTimelineView
        db={history.db}
        summary={summary}
        due={undefined}
        onCompare={() => undefined}
        onDeleted={() => undefined}
      />
    </>
  );
}

let db: HistoryDb;
let moleId: string;

async function storedName(): Promise<string> {
  const found = await getMole(db, moleId);
  if (!found.ok) throw new Error(found.error.message);
  return found.value.name;
}

async function openRename(): Promise<HTMLInputElement> {
  render(<ListAndTimeline />);
  fireEvent.click(await screen.findByRole('button', { name: 'Rename' }));
  return screen.getByRole('textbox', { name: 'New name' }) as HTMLInputElement;
}

// The page keeps one history connection for its life (historyDb()), so the tests share one in-memory
// database and each starts from a mole of its own, created last (the harness shows the first one).
beforeAll(async () => {
  installFreshIndexedDb();
  const opened = await historyDb();
  if (!opened.ok) throw new Error(opened.error.message);
  db = opened.value;
});

beforeEach(async () => {
  await db.clear('moles');
  const added = await addMole(db, { name: 'Left shoulder', bodyLocation: 'back-upper-left' });
  if (!added.ok) throw new Error(added.error.message);
  moleId = added.value.id;
});

afterEach(cleanup);

describe('RenameMole in the timeline', () => {
  it('Enter stores the trimmed name; the list row and the heading show it at once', async () => {
    const changes: number[] = [];
    const unsubscribe = onHistoryChanged(() => changes.push(1));
    const input = await openRename();
    expect(input.value).toBe('Left shoulder');
    expect(document.activeElement).toBe(input);

    fireEvent.change(input, { target: { value: '  Right shoulder  ' } });
    fireEvent.submit(input.form!);

    await waitFor(() => expect(screen.getByTestId('timeline-mole-name').textContent).toBe('Right shoulder'));
    expect(screen.getByTestId('mole-item').textContent).toContain('Right shoulder');
    expect(screen.getByTestId('mole-item').textContent).not.toContain('Left shoulder');
    expect(await storedName()).toBe('Right shoulder');
    expect(changes.length).toBeGreaterThan(0);
    // The field closed and the keyboard is back on the button that opened it.
    expect(screen.queryByRole('textbox', { name: 'New name' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Rename' }));
    unsubscribe();
  });

  it('refuses a blank or over-long name with a plain message and stores nothing', async () => {
    const input = await openRename();
    fireEvent.change(input, { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Give the mole a name/);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(input.getAttribute('aria-describedby')!)?.textContent).toMatch(
      /Give the mole a name/,
    );

    fireEvent.change(input, { target: { value: 'x'.repeat(MOLE_NAME_MAX_LENGTH + 1) } });
    fireEvent.submit(input.form!);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/keep it to 100 or fewer/));

    expect(await storedName()).toBe('Left shoulder');
    expect(screen.getByTestId('timeline-mole-name').textContent).toBe('Left shoulder');
    // Still open, so the person can correct it.
    expect(screen.getByRole('textbox', { name: 'New name' })).toBe(input);
  });

  it('Escape and Cancel leave the name as it was', async () => {
    let input = await openRename();
    fireEvent.change(input, { target: { value: 'Never saved' } });
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(screen.queryByRole('textbox', { name: 'New name' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Rename' }));

    fireEvent.click(screen.getByRole('button', { name: 'Rename' }));
    input = screen.getByRole('textbox', { name: 'New name' }) as HTMLInputElement;
    // Reopening starts from the stored name, not from what was typed and abandoned.
    expect(input.value).toBe('Left shoulder');
    fireEvent.change(input, { target: { value: 'Never saved either' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('textbox', { name: 'New name' })).toBeNull();

    expect(await storedName()).toBe('Left shoulder');
    expect(screen.getByTestId('timeline-mole-name').textContent).toBe('Left shoulder');
  });
});
