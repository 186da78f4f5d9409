import { recheckSchedule } from '../reminders/due-moles';
import { useHistorySnapshot } from './use-history-snapshot';
import './history.css';

/** The home screen's way into the history, with how many moles are due for a re-check (shown on open). */
export function MyMolesEntry({ onOpen }: { onOpen: () => void }) {
  const history = useHistorySnapshot();
  const moles = history.status === 'ready' ? history.snapshot.moles.length : 0;
  const due =
    history.status === 'ready'
      ? recheckSchedule(history.snapshot.moles, history.snapshot.checks, new Date()).filter(
          (entry) => entry.isDue,
        ).length
      : 0;
  return (
    <div className="my-moles-entry">
      <button
        type="button"
        className="button button--secondary button--large"
        onClick={onOpen}
        data-testid="open-my-moles"
      >
        My moles{moles > 0 ? ` (${moles})` : ''}
      </button>
      {due > 0 && (
        <p className="history-due" data-testid="recheck-due" role="status">
          <strong>Re-check due:</strong>{' '}
          {due === 1 ? '1 mole is due for a new photo.' : `${due} moles are due for a new photo.`}
        </p>
      )}
    </div>
  );
}
