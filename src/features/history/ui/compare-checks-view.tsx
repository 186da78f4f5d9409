import { shownProbability } from '../store/estimate';
import type { Check } from '../store/history-types';
import { formatProbability } from '../store/risk-labels';
import { CheckImage } from './check-image';
import { formatDateTime } from './format-date';
import { RiskLabel } from './risk-label';
import { WithheldEstimate } from './withheld-estimate';

/** Both crops cover the same framing (the square the model saw), so equal display size means equal scale. */
const COMPARE_SIZE = 224;

/**
 * The change in the model's number, in words and as a value for tests. Only checks that kept an estimate take
 * part: a number the photo check withheld must not come back as a difference.
 */
function describeChange(before: Check, after: Check): { text: string; value?: number } {
  const [from, to] = [shownProbability(before), shownProbability(after)];
  if (from === undefined || to === undefined) {
    const which =
      from === undefined && to === undefined
        ? 'neither photo passed the photo check, so no estimate was kept for either'
        : `the ${from === undefined ? 'earlier' : 'later'} photo did not pass the photo check, so no estimate was kept for it`;
    return {
      text: `No change in the model’s probability can be given: ${which}. Only checks that have an estimate can be compared by number.`,
    };
  }
  const points = Math.round((to - from) * 100);
  if (points === 0) return { text: 'The model’s probability did not change.', value: to - from };
  const direction = points > 0 ? 'up' : 'down';
  return {
    text: `The model’s probability went ${direction} by ${Math.abs(points)} percentage point${Math.abs(points) === 1 ? '' : 's'} (from ${formatProbability(from)} to ${formatProbability(to)}).`,
    value: to - from,
  };
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
  const change = describeChange(before, after);
  return (
    <section className="history-compare" aria-labelledby="compare-heading" data-testid="compare-view">
      <h2 id="compare-heading">Compare two checks</h2>
      <div className="history-compare__pair">
        {[before, after].map((check, index) => {
          const estimate = shownProbability(check);
          return (
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
                <RiskLabel level={check.riskLevel} />
                {estimate === undefined ? (
                  <WithheldEstimate guard={check.guard} />
                ) : (
                  <> · {formatProbability(estimate)}</>
                )}
              </figcaption>
            </figure>
          );
        })}
      </div>
      <p data-testid="probability-change" data-value={change.value}>
        {change.text}
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
