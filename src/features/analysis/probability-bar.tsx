import { shownEstimate } from '../../shared/model/shown-estimate';

/**
 * The calibrated probability as a simple bar, with the inconclusive range shaded: the bar shows why an answer is
 * "Low concern", "Inconclusive" or "Have it checked". The number is also given in words, so the bar is never the
 * only way to read it. (The yes/no threshold is not drawn: it lies inside the shaded range, so it never decides
 * what the person is shown.)
 */
export function ProbabilityBar({
  probability,
  band,
  withheld = false,
}: {
  probability: number;
  /** The inconclusive range [low, high) of calibrated probabilities. */
  band: [number, number];
  /** The guard refused the photo: the number would look more certain than it is, so it is not shown. */
  withheld?: boolean;
}) {
  if (withheld) {
    return (
      <div className="probability" data-testid="probability" data-value={String(probability)}>
        <p className="probability__label">
          No estimate is shown, because this photo did not pass the photo check.
        </p>
      </div>
    );
  }
  // The number and the edges come from one rule, so the number always reads as the level shown above the bar.
  const { percent, scale } = shownEstimate(probability, band);
  const { low, high } = scale;
  return (
    <div className="probability" data-testid="probability" data-value={String(probability)}>
      <p className="probability__label" id="probability-label">
        Model estimate: <strong>{percent}%</strong>
      </p>
      <div
        className="probability__track"
        role="meter"
        aria-labelledby="probability-label"
        aria-describedby="probability-scale"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div
          className="probability__band"
          style={{ left: `${band[0] * 100}%`, width: `${(band[1] - band[0]) * 100}%` }}
        />
        <div className="probability__fill" style={{ width: `${probability * 100}%` }} />
      </div>
      <p className="probability__scale" id="probability-scale">
        {low < high
          ? // Whole percents, so the inconclusive range ends one below where "have it checked" starts.
            `Below ${low}%: low concern. ${low}–${high - 1}%: inconclusive (shaded). From ${high}%: have it checked.`
          : `Below ${low}%: low concern. From ${high}%: have it checked.`}
      </p>
      <p className="probability__note">
        The estimate says how much this photo resembles the moles in the model’s training that needed a
        doctor. It is not your personal risk: half of those training moles needed a doctor, far more than in
        everyday life.
      </p>
    </div>
  );
}
