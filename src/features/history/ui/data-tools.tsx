import { useEffect, useId, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { bodyLocationLabel } from '../store/body-locations';
import { deleteEverything } from '../store/check-records';
import { ok, type Result } from '../store/history-error';
import type { HistoryDb } from '../store/open-history-db';
import {
  importSnapshot,
  planImport,
  type ImportCounts,
  type ImportPlan,
  type MoleChange,
} from '../transfer/import-archive';
import type { HistorySnapshot } from '../transfer/read-history';
import { parseArchiveFile } from '../transfer/validate-archive';
import { ConfirmButton } from './confirm-button';
import type { ReportModel } from '../transfer/build-report';
import { exportFile, type ExportKind } from './export-files';
import { HistoryAlert } from './history-alert';
import { notifyHistoryChanged } from './history-events';
import { StorageUsageLine } from './storage-usage-line';

type Message = { tone: 'error' | 'info'; text: string };

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** "1 mole and 2 checks", leaving out a kind with none; "nothing" when both are zero. */
function records({ moles, checks }: { moles: number; checks: number }): string {
  const parts = [moles > 0 ? plural(moles, 'mole') : '', checks > 0 ? plural(checks, 'check') : ''];
  return parts.filter(Boolean).join(' and ') || 'nothing';
}

const added = ({ moles, checks }: ImportCounts) => ({ moles: moles.added, checks: checks.added });
const replaced = ({ moles }: ImportCounts) => ({ moles: moles.replaced, checks: 0 });
const unchanged = ({ moles, checks }: ImportCounts) => ({ moles: moles.unchanged, checks: checks.unchanged });
const none = ({ moles, checks }: { moles: number; checks: number }) => moles + checks === 0;

/**
 * The final word on an import: what was new to this device, what replaced its own version, and what was
 * already here exactly as in the file (left as it was; a mole that only gained checks is one of these).
 */
function importedMessage(counts: ImportCounts): string {
  const [isNew, isReplaced, isHere] = [added(counts), replaced(counts), unchanged(counts)];
  if (none(isNew) && none(isReplaced)) {
    return 'Nothing to import: everything in this file is already on this device.';
  }
  if (none(isReplaced) && none(isHere)) {
    return `Imported ${plural(isNew.moles, 'mole')} and ${plural(isNew.checks, 'check')}, all new to this device.`;
  }
  const changes = [
    none(isNew) ? '' : `${records(isNew)} added`,
    none(isReplaced) ? '' : `${records(isReplaced)} replaced by the archive’s version`,
  ].filter(Boolean);
  const kept = none(isHere) ? '' : ` Already on this device and left as they were: ${records(isHere)}.`;
  return `Imported: ${changes.join(', ')}.${kept}`;
}

/** One mole that would change, in words: its name here → in the archive, and what else the import would change. */
function describeChange({ current, incoming, checksNotHere }: MoleChange): string {
  const name = current.name === incoming.name ? incoming.name : `${current.name} → ${incoming.name}`;
  const changes: string[] = [];
  if (current.bodyLocation !== incoming.bodyLocation) {
    changes.push(
      `place: ${bodyLocationLabel(current.bodyLocation)} → ${bodyLocationLabel(incoming.bodyLocation)}`,
    );
  }
  if (current.recheckIntervalDays !== incoming.recheckIntervalDays) {
    changes.push(`re-check every ${current.recheckIntervalDays} → ${incoming.recheckIntervalDays} days`);
  }
  // Not "come back": the check may have been taken on another device and never been here.
  if (checksNotHere > 0) changes.push(`${plural(checksNotHere, 'check')} not on this device will be added`);
  if (changes.length > 0) return `${name} (${changes.join('; ')})`;
  // Listed, so something differs: if not the name, a field not named above (e.g. the date it was recorded).
  return current.name === incoming.name ? `${name} (other saved details differ)` : name;
}

/**
 * Asked before an import changes moles already here: replacing by id would otherwise silently undo a rename,
 * and added checks would silently bring back deleted ones. Focus moves to the question so a screen reader reads
 * it at once.
 */
function ReplaceConfirmation({
  plan,
  onConfirm,
  onCancel,
}: {
  plan: ImportPlan;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const questionId = useId();
  const groupRef = useRef<HTMLDivElement>(null);
  useEffect(() => groupRef.current?.focus(), []);
  const { changedMoles } = plan;
  // Escape answers "Cancel", as it would in a dialog.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onCancel();
  };
  return (
    <div
      ref={groupRef}
      className="history-panel history-panel--due"
      role="group"
      aria-labelledby={questionId}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      data-testid="import-confirm"
    >
      <p id={questionId}>
        <strong>{plural(changedMoles.length, 'mole')} you already have will change:</strong>
      </p>
      <ul data-testid="import-replaced-moles">
        {changedMoles.map((change) => (
          <li key={change.incoming.id}>{describeChange(change)}</li>
        ))}
      </ul>
      <p>
        In all: {records(added(plan))} added, {records(replaced(plan))} replaced
        {none(unchanged(plan)) ? '' : `, ${records(unchanged(plan))} already here`}. Moles and checks that are
        not in the archive stay as they are.
      </p>
      <div className="history-actions">
        <button
          type="button"
          className="button button--danger"
          onClick={onConfirm}
          data-testid="import-replace"
        >
          {/* Only checks to add (none replaced): the button must not promise to overwrite anything. */}
          {none(replaced(plan)) ? 'Add and import' : 'Replace and import'}
        </button>
        <button type="button" className="button button--ghost" onClick={onCancel} data-testid="import-cancel">
          Cancel
        </button>
      </div>
    </div>
  );
}

interface CheckedArchive {
  snapshot: HistorySnapshot;
  plan: ImportPlan;
}

/** A valid archive and what importing it would do; nothing is written yet. */
async function checkArchive(db: HistoryDb, file: File): Promise<Result<CheckedArchive>> {
  const parsed = await parseArchiveFile(file);
  if (!parsed.ok) return parsed;
  const plan = await planImport(db, parsed.value);
  return plan.ok ? ok({ snapshot: parsed.value, plan: plan.value }) : plan;
}

/** Export everything, import an archive, delete everything, and how much space the history takes. */
export function DataTools({
  db,
  isEmpty,
  version,
  model,
}: {
  db: HistoryDb;
  isEmpty: boolean;
  version: unknown;
  /** The model the app runs now, for the report's answer ranges and measured error rates. */
  model?: ReportModel;
}) {
  const [message, setMessage] = useState<Message>();
  const [busy, setBusy] = useState(false);
  // A checked archive that would change moles already here, waiting for the person's answer.
  const [pending, setPending] = useState<CheckedArchive>();
  // When the replace question closes, focus goes back to the import control (not lost to <body>) as soon as
  // that control is enabled again; the outcome is announced by the status message.
  const importRef = useRef<HTMLInputElement>(null);
  const focusImportWhenReady = useRef(false);
  useEffect(() => {
    if (!focusImportWhenReady.current || busy || pending) return;
    focusImportWhenReady.current = false;
    importRef.current?.focus();
  }, [busy, pending]);

  const runExport = async (kind: ExportKind) => {
    const result = await exportFile(db, kind, undefined, model);
    setMessage(
      result.ok
        ? { tone: 'info', text: 'Export saved to your downloads.' }
        : { tone: 'error', text: result.error.message },
    );
  };

  const writeImport = async (snapshot: HistorySnapshot) => {
    setBusy(true);
    const imported = await importSnapshot(db, snapshot);
    setBusy(false);
    if (!imported.ok) return setMessage({ tone: 'error', text: imported.error.message });
    setMessage({ tone: 'info', text: importedMessage(imported.value) });
    notifyHistoryChanged();
  };

  const runImport = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Clear the input so choosing the same file again still fires a change.
    input.value = '';
    if (!file) return;
    setBusy(true);
    setMessage(undefined);
    const checked = await checkArchive(db, file);
    setBusy(false);
    if (!checked.ok) return setMessage({ tone: 'error', text: checked.error.message });
    // No mole already here would change: nothing to ask, import at once (the write's own counts then say what
    // it added, or that everything was already here).
    if (checked.value.plan.changedMoles.length === 0) return writeImport(checked.value.snapshot);
    setPending(checked.value);
  };

  const confirmImport = () => {
    if (!pending) return;
    focusImportWhenReady.current = true;
    setPending(undefined);
    void writeImport(pending.snapshot);
  };

  const cancelImport = () => {
    focusImportWhenReady.current = true;
    setPending(undefined);
    setMessage({ tone: 'info', text: 'Import cancelled. Nothing was changed.' });
  };

  const runDeleteAll = async () => {
    const result = await deleteEverything(db);
    setMessage(
      result.ok
        ? { tone: 'info', text: 'Everything was deleted from this device.' }
        : { tone: 'error', text: result.error.message },
    );
    notifyHistoryChanged();
  };

  return (
    <section className="history-panel" aria-labelledby="data-heading">
      <h2 id="data-heading">Keep, share or remove your history</h2>
      <StorageUsageLine version={version} />
      <div className="history-actions">
        <button
          type="button"
          className="button button--secondary"
          disabled={isEmpty}
          onClick={() => void runExport('report')}
          data-testid="export-report-all"
        >
          Printable report (HTML)
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={isEmpty}
          onClick={() => void runExport('archive')}
          data-testid="export-all"
        >
          Export everything (archive)
        </button>
      </div>
      <label className="history-field">
        <span>Import an archive exported from this app</span>
        <input
          ref={importRef}
          type="file"
          accept=".json,application/json"
          onChange={(event) => void runImport(event)}
          disabled={busy || pending !== undefined}
          data-testid="import-file"
        />
      </label>
      {pending && (
        <ReplaceConfirmation plan={pending.plan} onConfirm={confirmImport} onCancel={cancelImport} />
      )}
      {!isEmpty && (
        <ConfirmButton
          label="Delete everything"
          question="Delete all moles and checks from this device? This cannot be undone. Export first if you want a copy."
          confirmLabel="Yes, delete everything"
          onConfirm={runDeleteAll}
          testId="delete-all"
        />
      )}
      {message && <HistoryAlert tone={message.tone} message={message.text} />}
    </section>
  );
}
