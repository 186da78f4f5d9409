import type { MoleDue } from '../reminders/due-moles';
import { formatDate } from './format-date';

/** Shown when "My moles" opens: which moles are due for a new photo. Gentle, no push notifications. */
export function DueReminders({
  schedule,
  onOpen,
}: {
  schedule: MoleDue[];
  onOpen: (moleId: string) => void;
}) {
  const due = schedule.filter((entry) => entry.isDue);
  if (due.length === 0) return null;
  return (
    <section
      className="history-panel history-panel--due"
      aria-labelledby="due-heading"
      data-testid="due-reminders"
    >
      <h2 id="due-heading">Time for a re-check</h2>
      <ul>
        {due.map(({ mole, dueAt }) => (
          <li key={mole.id}>
            <button type="button" className="link-button" onClick={() => onOpen(mole.id)}>
              {mole.name}
            </button>{' '}
            — due since {formatDate(dueAt)}
          </li>
        ))}
      </ul>
    </section>
  );
}
