import { shownProbability } from '../store/estimate';
import type { Check } from '../store/history-types';
import {
  bandOf,
  ESTIMATE_MEANING,
  estimatePercent,
  formatEstimate,
  type CurrentModel,
} from '../store/risk-labels';
import { CheckImage } from './check-image';
import { formatDateTime } from './format-date';
import { RiskLabel } from './risk-label';
import { WithheldEstimate } from './withheld-estimate';

/** Both crops cover the same framing (the square the model saw), so equal display size means equal scale. */
const COMPARE_SIZE = 224;

/**
 * The change in the model's estimate, in words and as a value for tests. Only checks that kept an estimate take
 * part: a number the photo check withheld must not come back as a difference. The points are the difference of
 * the two numbers shown, so "by N points (from A% to B%)" always adds up; the value stays exact.
 */
function describeChange(
  before: Check,
  after: Check,
  model: CurrentModel | undefined,
): { text: string; value?: number } {
  const [from, to] = [shownProbability(before), shownProbability(after)];
  if (from === undefined || to === undefined) {
    const which =
      from === undefined && to === undefined
        ? 'neither photo passed the photo check, so no estimate was kept for either'
        : `the ${from === undefined ? 'earlier' : 'later'} photo did not pass the photo check, so no estimate was kept for it`;
    return {
      text: `No change in the model’s estimate can be given: ${which}. Only checks that have an estimate can be compared by number.`,
    };
  }
  const [shownFrom, shownTo] = [
    estimatePercent(from, bandOf(before, model)),
    estimatePercent(to, bandOf(after, model)),
  ];
  const points = shownTo - shownFrom;
  if (points === 0) return { text: `The model’s estimate stayed at ${shownTo}%.`, value: to - from };
  const direction = points > 0 ? 'up' : 'down';
  return {
    text: `The model’s estimate went ${direction} by ${Math.abs(points)} percentage point${Math.abs(points) === 1 ? '' : 's'} (from ${shownFrom}% to ${shownTo}%).`,
    value: to - from,
  };
}

/** Two checks side by side, earlier on the left, with the change in the model's estimate. */
export function CompareChecksView({
  first,
  second,
  onBack,
  model,
}: {
  first: Check;
  second: Check;
  onBack: () => void;
  /** The model the app runs now: its band serves its checks saved before each check kept its own. */
  model?: CurrentModel;
}) {
  const [before, after] = first.takenAt <= second.takenAt ? [first, second] : [second, first];
  const change = describeChange(before, after, model);
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
                <RiskLabel check={check} />
                {estimate === undefined ? (
                  <WithheldEstimate guard={check.guard} />
                ) : (
                  <> · Model estimate: {formatEstimate(estimate, bandOf(check, model))}</>
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
        {ESTIMATE_MEANING} Look for changes in size, shape, border or colour yourself, too. A change in the
        model’s estimate is not a diagnosis; if the mole has changed, or you are in doubt, show it to a
        doctor.
      </p>
      <button type="button" className="button button--secondary" onClick={onBack}>
        Back to the timeline
      </button>
    </section>
  );
}
