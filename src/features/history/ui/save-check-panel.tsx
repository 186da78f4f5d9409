import { useId, useState, type FormEvent } from 'react';
import { bodyLocationLabel } from '../store/body-locations';
import type { CheckDraft, Mole } from '../store/history-types';
import type { HistoryDb } from '../store/open-history-db';
import { browserPhotoEncoder } from '../store/photo-encoder';
import { saveCheck, type SaveTarget } from '../store/save-check';
import { browserStorage } from '../store/storage-persistence';
import { BodyLocationPicker } from './body-location-picker';
import { HistoryAlert } from './history-alert';
import { notifyHistoryChanged } from './history-events';
import { checkMoleName, MOLE_NAME_MAX_LENGTH } from './mole-name';
import { SaveCancelActions } from './save-cancel-actions';

interface SavePanelProps {
  db: HistoryDb;
  moles: Mole[];
  /**
   * Built once, when the panel opens (not on every render): the panel needs the photo check's verdict to warn
   * before a photo without an estimate is saved. The costly part, compressing the photo, still waits for Save.
   */
  makeDraft: () => CheckDraft;
  onSaved: (mole: Mole) => void;
  onCancel: () => void;
}

/** Save to a new mole (name + body location) or add to an existing one. */
export function SaveCheckPanel({ db, moles, makeDraft, onSaved, onCancel }: SavePanelProps) {
  const headingId = useId();
  const [mode, setMode] = useState<'new' | 'existing'>(moles.length > 0 ? 'existing' : 'new');
  const [name, setName] = useState('');
  const [location, setLocation] = useState('');
  const [moleId, setMoleId] = useState(moles.at(-1)?.id ?? '');
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [draft] = useState(makeDraft);
  const withheld = draft.guard?.verdict === 'reject';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let target: SaveTarget;
    if (mode === 'new') {
      const checked = checkMoleName(name);
      if (!checked.ok) return setProblem(checked.message);
      if (!location) return setProblem('Choose where the mole is on the body.');
      target = { kind: 'new', mole: { name: checked.name, bodyLocation: location } };
    } else {
      if (!moleId) return setProblem('Choose the mole this photo shows.');
      target = { kind: 'existing', moleId };
    }
    setSaving(true);
    setProblem(undefined);
    const result = await saveCheck(db, draft, target, {
      encoder: browserPhotoEncoder,
      storage: browserStorage(),
    });
    setSaving(false);
    if (!result.ok) return setProblem(result.error.message);
    notifyHistoryChanged();
    onSaved(result.value.mole);
  };

  return (
    <form className="history-panel" aria-labelledby={headingId} onSubmit={(event) => void submit(event)}>
      <h2 id={headingId}>Save to my moles</h2>
      <p className="history-muted">Saved on this device only. Nothing is uploaded.</p>
      {withheld && (
        <p className="history-notice" data-testid="save-no-estimate">
          <strong>
            <span aria-hidden="true">⚠ </span>No estimate:
          </strong>{' '}
          this photo did not pass the photo check, so it is saved without one.
        </p>
      )}
      {moles.length > 0 && (
        <fieldset className="history-choice">
          <legend>Which mole is this?</legend>
          <label>
            <input
              type="radio"
              name="save-mode"
              checked={mode === 'existing'}
              onChange={() => setMode('existing')}
            />
            A mole I saved before
          </label>
          <label>
            <input type="radio" name="save-mode" checked={mode === 'new'} onChange={() => setMode('new')} />A
            new mole
          </label>
        </fieldset>
      )}
      {mode === 'existing' ? (
        <label className="history-field">
          <span>Mole</span>
          <select
            value={moleId}
            onChange={(event) => setMoleId(event.target.value)}
            data-testid="existing-mole"
          >
            {moles.map((mole) => (
              <option key={mole.id} value={mole.id}>
                {`${mole.name} (${bodyLocationLabel(mole.bodyLocation)})`}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <>
          <label className="history-field">
            <span>Name</span>
            <input
              type="text"
              value={name}
              maxLength={MOLE_NAME_MAX_LENGTH}
              placeholder="e.g. Left shoulder"
              onChange={(event) => setName(event.target.value)}
              data-testid="mole-name"
            />
          </label>
          <BodyLocationPicker value={location} onChange={setLocation} />
        </>
      )}
      {problem && <HistoryAlert tone="error" message={problem} />}
      <SaveCancelActions saving={saving} saveTestId="save-check-confirm" onCancel={onCancel} />
    </form>
  );
}
