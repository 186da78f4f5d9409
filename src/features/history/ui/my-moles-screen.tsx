import { recheckSchedule } from '../reminders/due-moles';
import { NOT_A_DIAGNOSIS } from '../store/risk-labels';
import type { ReportModel } from '../transfer/build-report';
import { CompareChecksView } from './compare-checks-view';
import { DataTools } from './data-tools';
import { DueReminders } from './due-reminders';
import { HistoryAlert } from './history-alert';
import { MoleItem } from './mole-item';
import { MoleTimelineView } from './mole-timeline-view';
import { summariseMoles } from './mole-summary';
import { useHistorySnapshot } from './use-history-snapshot';
import { useViewHistory } from './use-view-history';
import './history.css';

type View =
  | { kind: 'list' }
  | { kind: 'mole'; moleId: string }
  | { kind: 'compare'; moleId: string; ids: [string, string] };

const LIST: View = { kind: 'list' };

/**
 * "My moles": the list, a mole's timeline, and the compare view, all inside one app screen. `model` (the model
 * the app runs now; absent until it has loaded) makes its checks' numbers read as the result screen showed them
 * and gives the report its measured figures.
 */
export function MyMolesScreen({ model }: { model?: ReportModel }) {
  const history = useHistorySnapshot();
  const [view, setView, replaceView] = useViewHistory<View>(LIST);

  if (history.status === 'loading') return <p role="status">Loading your moles…</p>;
  if (history.status === 'error') return <HistoryAlert tone="error" message={history.error.message} />;

  const { db, snapshot } = history;
  const summaries = summariseMoles(snapshot);
  const schedule = recheckSchedule(snapshot.moles, snapshot.checks, new Date());
  const current = view.kind === 'list' ? undefined : summaries.find((s) => s.mole.id === view.moleId);
  // "Up" buttons step back through the browser history, so they and the phone's back button agree.
  const back = () => window.history.back();

  if (view.kind === 'compare' && current) {
    const [a, b] = view.ids.map((id) => current.checks.find((c) => c.id === id));
    if (a && b) return <CompareChecksView first={a} second={b} onBack={back} model={model} />;
  }
  if (view.kind !== 'list' && current) {
    return (
      <div className="history-screen">
        <button type="button" className="button button--ghost" onClick={back}>
          All my moles
        </button>
        <MoleTimelineView
          db={db}
          summary={current}
          due={schedule.find((entry) => entry.mole.id === current.mole.id)}
          onCompare={(first, second) =>
            setView({ kind: 'compare', moleId: current.mole.id, ids: [first, second] })
          }
          onDeleted={() => replaceView(LIST)}
          model={model}
        />
        <p className="history-notice">{NOT_A_DIAGNOSIS}</p>
      </div>
    );
  }

  const dueIds = new Set(schedule.filter((entry) => entry.isDue).map((entry) => entry.mole.id));
  return (
    <div className="history-screen">
      <DueReminders schedule={schedule} onOpen={(moleId) => setView({ kind: 'mole', moleId })} />
      {summaries.length === 0 ? (
        <p data-testid="mole-list-empty">
          No moles saved yet. After a check, choose “Save to my moles” to start following a mole over time.
        </p>
      ) : null}
      <ul className="mole-list" data-testid="mole-list" aria-label="My moles">
        {summaries.map((summary) => (
          <MoleItem
            key={summary.mole.id}
            summary={summary}
            due={dueIds.has(summary.mole.id)}
            onOpen={() => setView({ kind: 'mole', moleId: summary.mole.id })}
          />
        ))}
      </ul>
      <p className="history-notice">{NOT_A_DIAGNOSIS}</p>
      <DataTools db={db} isEmpty={summaries.length === 0} version={snapshot} model={model} />
    </div>
  );
}
