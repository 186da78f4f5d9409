import { useState } from 'react';
import type { CheckDraft, Mole } from '../store/history-types';
import { HistoryAlert } from './history-alert';
import { SaveCheckPanel } from './save-check-panel';
import { useHistorySnapshot } from './use-history-snapshot';

interface SaveCheckActionProps {
  makeDraft: () => CheckDraft;
  onOpenMyMoles?: () => void;
}

/**
 * The "Save to my moles" action on the result screen. If storage is unavailable it says so in plain words;
 * the result on screen is unaffected.
 */
export function SaveCheckAction({ makeDraft, onOpenMyMoles }: SaveCheckActionProps) {
  const history = useHistorySnapshot();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<Mole>();

  if (saved) {
    return (
      <div className="history-saved">
        <HistoryAlert tone="info" message={`Saved to “${saved.name}”.`} />
        {onOpenMyMoles && (
          <button type="button" className="button button--secondary" onClick={onOpenMyMoles}>
            Open my moles
          </button>
        )}
      </div>
    );
  }
  if (history.status === 'error') {
    return (
      <div className="history-saved">
        <button type="button" className="button button--secondary" data-testid="save-check" disabled>
          Save to my moles
        </button>
        <HistoryAlert tone="info" message={history.error.message} />
      </div>
    );
  }
  if (!open || history.status !== 'ready') {
    return (
      <button
        type="button"
        className="button button--secondary"
        data-testid="save-check"
        disabled={history.status !== 'ready'}
        onClick={() => setOpen(true)}
      >
        Save to my moles
      </button>
    );
  }
  return (
    <SaveCheckPanel
      db={history.db}
      moles={history.snapshot.moles}
      makeDraft={makeDraft}
      onSaved={setSaved}
      onCancel={() => setOpen(false)}
    />
  );
}
