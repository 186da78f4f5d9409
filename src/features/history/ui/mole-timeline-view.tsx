import { useState } from 'react';
import type { MoleDue } from '../reminders/due-moles';
import { bodyLocationLabel } from '../store/body-locations';
import { deleteCheck } from '../store/check-records';
import { deleteMole } from '../store/mole-records';
import type { HistoryDb } from '../store/open-history-db';
import { ConfirmButton } from './confirm-button';
import type { ReportModel } from '../transfer/build-report';
import { exportFile, type ExportKind } from './export-files';
import { HistoryAlert } from './history-alert';
import { notifyHistoryChanged } from './history-events';
import { defaultComparePair, type MoleSummary } from './mole-summary';
import { RecheckSettings } from './recheck-settings';
import { RenameMole } from './rename-mole';
import { TimelineItem } from './timeline-item';

interface TimelineProps {
  db: HistoryDb;
  summary: MoleSummary;
  due: MoleDue | undefined;
  onCompare: (firstId: string, secondId: string) => void;
  onDeleted: () => void;
  /** The model the app runs now (numbers shown as on the result screen; figures for the report). */
  model?: ReportModel;
}

/** One mole: its name (renamable), checks newest first, pick two to compare, re-check reminder, export, delete. */
export function MoleTimelineView({ db, summary, due, onCompare, onDeleted, model }: TimelineProps) {
  const { mole, checks } = summary;
  const [selected, setSelected] = useState<string[]>(() => defaultComparePair(checks));
  const [problem, setProblem] = useState<string>();
  const newestFirst = [...checks].reverse();
  const picked = selected.filter((id) => checks.some((c) => c.id === id));

  const toggle = (id: string) =>
    // Keep at most two: picking a third replaces the oldest pick.
    setSelected((current) =>
      current.includes(id) ? current.filter((x) => x !== id) : [...current, id].slice(-2),
    );

  const run = async (action: Promise<{ ok: boolean; error?: { message: string } }>) => {
    const result = await action;
    if (!result.ok && result.error) setProblem(result.error.message);
  };

  return (
    <section className="history-timeline" aria-labelledby="timeline-heading">
      <div className="history-timeline__title">
        <h2 id="timeline-heading" data-testid="timeline-mole-name">
          {mole.name}
        </h2>
        <RenameMole db={db} mole={mole} />
      </div>
      <p className="history-muted">{bodyLocationLabel(mole.bodyLocation)}</p>
      {due && <RecheckSettings db={db} mole={mole} dueAt={due.dueAt} onError={setProblem} />}
      {problem && <HistoryAlert tone="error" message={problem} />}
      {checks.length >= 2 && (
        <button
          type="button"
          className="button button--primary"
          disabled={picked.length !== 2}
          onClick={() => onCompare(picked[0]!, picked[1]!)}
          data-testid="compare-checks"
        >
          Compare the two selected checks
        </button>
      )}
      <ol className="history-timeline__list" aria-label={`Checks of ${mole.name}, newest first`}>
        {newestFirst.map((check) => (
          <TimelineItem
            key={check.id}
            check={check}
            model={model}
            selected={picked.includes(check.id)}
            onToggleCompare={() => toggle(check.id)}
            onDelete={() =>
              void run(deleteCheck(db, check.id)).then(() => {
                notifyHistoryChanged();
              })
            }
          />
        ))}
      </ol>
      {checks.length === 0 && <p>No checks saved for this mole.</p>}
      <div className="history-actions">
        {(['report', 'archive'] as ExportKind[]).map((kind) => (
          <button
            key={kind}
            type="button"
            className="button button--secondary"
            onClick={() => void run(exportFile(db, kind, mole, model))}
            data-testid={`export-mole-${kind}`}
          >
            {kind === 'report' ? 'Printable report of this mole' : 'Export this mole (archive)'}
          </button>
        ))}
        <ConfirmButton
          label="Delete this mole"
          question={`Delete “${mole.name}” and all its ${checks.length} checks? This cannot be undone.`}
          confirmLabel="Yes, delete the mole"
          testId="delete-mole"
          onConfirm={async () => {
            const result = await deleteMole(db, mole.id);
            if (!result.ok) return setProblem(result.error.message);
            notifyHistoryChanged();
            onDeleted();
          }}
        />
      </div>
    </section>
  );
}
