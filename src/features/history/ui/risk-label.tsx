import type { Check } from '../store/history-types';
import { checkLabel } from '../store/risk-labels';

/** A check's answer as words plus a shape, so it never depends on colour alone. */
export function RiskLabel({ check }: { check: Pick<Check, 'guard' | 'riskLevel'> }) {
  const level = check.riskLevel;
  const label = checkLabel(check);
  return (
    <span className={`history-risk history-risk--${level}`} data-testid="history-risk" data-risk={level}>
      <span aria-hidden="true">{label.symbol}</span> {label.text}
    </span>
  );
}
