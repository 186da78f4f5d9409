import { buildRecheckIcs } from '../reminders/ics-event';
import type { Mole } from '../store/history-types';
import { updateMole } from '../store/mole-records';
import type { HistoryDb } from '../store/open-history-db';
import { dateStamp, downloadBlob, fileSlug } from './download-blob';
import { formatDate } from './format-date';
import { notifyHistoryChanged } from './history-events';

const INTERVALS: { days: number; label: string }[] = [
  { days: 30, label: 'Every month' },
  { days: 91, label: 'Every 3 months' },
  { days: 182, label: 'Every 6 months' },
  { days: 365, label: 'Every year' },
];

/** The mole's re-check interval, its next due date, and a calendar file for it. */
export function RecheckSettings({
  db,
  mole,
  dueAt,
  onError,
}: {
  db: HistoryDb;
  mole: Mole;
  dueAt: Date;
  onError: (message: string) => void;
}) {
  const options = INTERVALS.some((i) => i.days === mole.recheckIntervalDays)
    ? INTERVALS
    : [...INTERVALS, { days: mole.recheckIntervalDays, label: `Every ${mole.recheckIntervalDays} days` }];

  const change = async (days: number) => {
    const result = await updateMole(db, mole.id, { recheckIntervalDays: days });
    if (!result.ok) onError(result.error.message);
    notifyHistoryChanged();
  };

  const addToCalendar = () => {
    const now = new Date();
    const ics = buildRecheckIcs({ uid: `${mole.id}-${dateStamp(dueAt)}`, moleName: mole.name, dueAt, now });
    downloadBlob(
      new Blob([ics], { type: 'text/calendar' }),
      `recheck-${fileSlug(mole.name)}-${dateStamp(dueAt)}.ics`,
    );
  };

  return (
    <div className="history-recheck">
      <label className="history-field">
        <span>Remind me to re-check</span>
        <select
          value={mole.recheckIntervalDays}
          onChange={(event) => void change(Number(event.target.value))}
          data-testid="recheck-interval"
        >
          {options.map((option) => (
            <option key={option.days} value={option.days}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <p>
        Next re-check: <strong data-testid="next-recheck">{formatDate(dueAt)}</strong>{' '}
        <button type="button" className="link-button" onClick={addToCalendar} data-testid="download-ics">
          Add to my calendar (.ics)
        </button>
      </p>
    </div>
  );
}
