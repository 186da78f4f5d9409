import { shownProbability } from '../store/estimate';
import type { Check } from '../store/history-types';
import { bandOf, formatEstimate, type CurrentModel } from '../store/risk-labels';
import { CheckImage } from './check-image';
import { ConfirmButton } from './confirm-button';
import { formatDateTime } from './format-date';
import { RiskLabel } from './risk-label';
import { WithheldEstimate } from './withheld-estimate';

interface TimelineItemProps {
  check: Check;
  selected: boolean;
  onToggleCompare: () => void;
  onDelete: () => void;
  /** The model the app runs now: its band serves its checks saved before each check kept its own. */
  model?: CurrentModel;
}

/** One check on a mole's timeline. The data-* attributes let tests compare histories exactly. */
export function TimelineItem({ check, selected, onToggleCompare, onDelete, model }: TimelineItemProps) {
  const when = formatDateTime(check.takenAt);
  const estimate = shownProbability(check);
  return (
    <li
      className="timeline-item"
      data-testid="timeline-item"
      data-check-id={check.id}
      data-taken-at={check.takenAt}
      data-probability={estimate}
      data-risk={check.riskLevel}
      data-photo-check={check.guard?.verdict}
    >
      <CheckImage blob={check.crop} alt={`Area analysed on ${when}`} size={112} />
      <div className="timeline-item__text">
        <time dateTime={check.takenAt}>{when}</time>
        <RiskLabel check={check} />
        {estimate === undefined ? (
          <WithheldEstimate guard={check.guard} />
        ) : (
          <span>Model estimate: {formatEstimate(estimate, bandOf(check, model))}</span>
        )}
        <span className="history-muted">Model {check.modelVersion}</span>
        <label>
          <input type="checkbox" checked={selected} onChange={onToggleCompare} data-testid="compare-select" />{' '}
          Compare
          <span className="visually-hidden"> the check of {when}</span>
        </label>
        <details>
          <summary>Full photo</summary>
          <CheckImage blob={check.photo} alt={`Photo taken on ${when}`} size={240} />
        </details>
        <ConfirmButton
          label="Delete this check"
          accessibleLabel={`Delete this check (${when})`}
          question={`Delete the check of ${when}?`}
          confirmLabel="Yes, delete it"
          onConfirm={onDelete}
        />
      </div>
    </li>
  );
}
