import { useState, type ChangeEvent } from 'react';
import { deleteEverything } from '../store/check-records';
import type { HistoryDb } from '../store/open-history-db';
import { importSnapshot } from '../transfer/import-archive';
import { parseArchiveFile } from '../transfer/validate-archive';
import { ConfirmButton } from './confirm-button';
import { exportFile, type ExportKind } from './export-files';
import { HistoryAlert } from './history-alert';
import { notifyHistoryChanged } from './history-events';
import { StorageUsageLine } from './storage-usage-line';

type Message = { tone: 'error' | 'info'; text: string };

/** Export everything, import an archive, delete everything, and how much space the history takes. */
export function DataTools({ db, isEmpty, version }: { db: HistoryDb; isEmpty: boolean; version: unknown }) {
  const [message, setMessage] = useState<Message>();
  const [busy, setBusy] = useState(false);

  const runExport = async (kind: ExportKind) => {
    const result = await exportFile(db, kind);
    setMessage(
      result.ok
        ? { tone: 'info', text: 'Export saved to your downloads.' }
        : { tone: 'error', text: result.error.message },
    );
  };

  const runImport = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Clear the input so choosing the same file again still fires a change.
    input.value = '';
    if (!file) return;
    setBusy(true);
    const parsed = await parseArchiveFile(file);
    const imported = parsed.ok ? await importSnapshot(db, parsed.value) : parsed;
    setBusy(false);
    if (!imported.ok) return setMessage({ tone: 'error', text: imported.error.message });
    const { moles, checks } = imported.value;
    setMessage({
      tone: 'info',
      text: `Imported ${moles} mole${moles === 1 ? '' : 's'} and ${checks} check${checks === 1 ? '' : 's'}.`,
    });
    notifyHistoryChanged();
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
          type="file"
          accept=".json,application/json"
          onChange={(event) => void runImport(event)}
          disabled={busy}
          data-testid="import-file"
        />
      </label>
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
