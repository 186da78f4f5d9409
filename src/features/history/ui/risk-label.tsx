import type { RiskLevel } from '../../../shared/model/risk-level';
import { RISK_LABELS } from '../store/risk-labels';

/** The risk level as words plus a shape, so it never depends on colour alone. */
export function RiskLabel({ level }: { level: RiskLevel }) {
  const label = RISK_LABELS[level];
  return (
    <span className={`history-risk history-risk--${level}`} data-testid="history-risk" data-risk={level}>
      <span aria-hidden="true">{label.symbol}</span> {label.text}
    </span>
  );
}
