import { bodyLocationLabel } from '../store/body-locations';
import type { MoleSummary } from './mole-summary';
import { CheckImage } from './check-image';
import { formatDate } from './format-date';
import { RiskLabel } from './risk-label';

/** One row of "My moles": latest thumbnail, name, place, date and risk level of the latest check. */
export function MoleItem({
  summary,
  due,
  onOpen,
}: {
  summary: MoleSummary;
  due: boolean;
  onOpen: () => void;
}) {
  const { mole, latest, checks } = summary;
  return (
    <li data-testid="mole-item" data-mole-id={mole.id}>
      <button type="button" className="mole-item" onClick={onOpen}>
        {latest ? (
          <CheckImage blob={latest.crop} alt="" size={64} />
        ) : (
          <span className="history-image history-image--empty" style={{ width: 64, height: 64 }} />
        )}
        <span className="mole-item__text">
          <strong>{mole.name}</strong>
          <span className="history-muted">{bodyLocationLabel(mole.bodyLocation)}</span>
          {latest ? (
            <span>
              {formatDate(latest.takenAt)} · <RiskLabel check={latest} />
            </span>
          ) : (
            <span>No checks yet</span>
          )}
          <span className="history-muted">
            {checks.length} check{checks.length === 1 ? '' : 's'}
            {due && <strong className="history-due"> · Re-check due</strong>}
          </span>
        </span>
      </button>
    </li>
  );
}
