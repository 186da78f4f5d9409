import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Mole } from '../store/history-types';
import { updateMole } from '../store/mole-records';
import type { HistoryDb } from '../store/open-history-db';
import { HistoryAlert } from './history-alert';
import { notifyHistoryChanged } from './history-events';
import { checkMoleName } from './mole-name';
import { SaveCancelActions } from './save-cancel-actions';

/**
 * "Rename" opens an inline field with the current name: Enter or Save stores it, Escape or Cancel leaves it.
 * Focus moves into the field and back to the button, so a keyboard user never loses their place.
 */
export function RenameMole({ db, mole }: { db: HistoryDb; mole: Mole }) {
  const errorId = useId();
  const [editing, setEditing] = useState(false);
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  // Only after the field was open: the button must not grab focus when the timeline first shows.
  const wasEditing = useRef(false);

  useEffect(() => {
    if (editing) {
      // Focus, then select the whole name, so typing replaces it and arrow keys edit it.
      inputRef.current?.focus();
      inputRef.current?.select();
    } else if (wasEditing.current) buttonRef.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  const open = () => {
    setTyped(mole.name);
    setProblem(undefined);
    setEditing(true);
  };

  const close = () => {
    setProblem(undefined);
    setEditing(false);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const checked = checkMoleName(typed);
    if (!checked.ok) return setProblem(checked.message);
    if (checked.name === mole.name) return close();
    setSaving(true);
    const result = await updateMole(db, mole.id, { name: checked.name });
    setSaving(false);
    if (!result.ok) return setProblem(result.error.message);
    close();
    // The list, the timeline heading and the home entry all re-read the history on this event.
    notifyHistoryChanged();
  };

  const cancelOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    // Escape belongs to this field here, not to anything around it (e.g. a dialog).
    event.stopPropagation();
    close();
  };

  if (!editing) {
    return (
      <button
        ref={buttonRef}
        type="button"
        className="button button--ghost"
        onClick={open}
        data-testid="rename-mole"
      >
        Rename
      </button>
    );
  }

  return (
    <form
      className="history-rename"
      aria-label={`Rename “${mole.name}”`}
      onSubmit={(event) => void save(event)}
      data-testid="rename-mole-form"
    >
      <label className="history-field">
        <span>New name</span>
        <input
          ref={inputRef}
          type="text"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          onKeyDown={cancelOnEscape}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? errorId : undefined}
          data-testid="rename-mole-input"
        />
      </label>
      {problem && (
        <div id={errorId}>
          <HistoryAlert tone="error" message={problem} />
        </div>
      )}
      <SaveCancelActions saving={saving} saveTestId="rename-mole-save" onCancel={close} />
    </form>
  );
}
