import type { Check } from '../store/history-types';
import { formatProbability } from '../store/risk-labels';
import { CheckImage } from './check-image';
import { formatDateTime } from './format-date';
import { RiskLabel } from './risk-label';

/** Both crops cover the same framing (the square the model saw), so equal display size means equal scale. */
const COMPARE_SIZE = 224;

function changeText(before: Check, after: Check): string {
  const points = Math.round((after.probability - before.probability) * 100);
  if (points === 0) return 'The model’s probability did not change.';
  const direction = points > 0 ? 'up' : 'down';
  return `The model’s probability went ${direction} by ${Math.abs(points)} percentage point${Math.abs(points) === 1 ? '' : 's'} (from ${formatProbability(before.probability)} to ${formatProbability(after.probability)}).`;
}

/** Two checks side by side, earlier on the left, with the change in the model's probability. */
export function CompareChecksView({
  first,
  second,
  onBack,
}: {
  first: Check;
  second: Check;
  onBack: () => void;
}) {
  const [before, after] = first.takenAt <= second.takenAt ? [first, second] : [second, first];
  return (
    <section className="history-compare" aria-labelledby="compare-heading" data-testid="compare-view">
      <h2 id="compare-heading">Compare two checks</h2>
      <div className="history-compare__pair">
        {[before, after].map((check, index) => (
          <figure key={check.id} data-testid="compare-item" data-check-id={check.id}>
            <CheckImage
              blob={check.crop}
              alt={`${index === 0 ? 'Earlier' : 'Later'} check, ${formatDateTime(check.takenAt)}`}
              size={COMPARE_SIZE}
            />
            <figcaption>
              <strong>{index === 0 ? 'Earlier' : 'Later'}</strong> ·{' '}
              <time dateTime={check.takenAt}>{formatDateTime(check.takenAt)}</time>
              <br />
              <RiskLabel level={check.riskLevel} /> · {formatProbability(check.probability)}
            </figcaption>
          </figure>
        ))}
      </div>
      <p data-testid="probability-change" data-value={after.probability - before.probability}>
        {changeText(before, after)}
      </p>
      <p className="history-muted">
        Look for changes in size, shape, border or colour yourself, too. A change in the model’s number is not
        a diagnosis; if the mole has changed, show it to a doctor.
      </p>
      <button type="button" className="button button--secondary" onClick={onBack}>
        Back to the timeline
      </button>
    </section>
  );
}
