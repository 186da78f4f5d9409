/**
 * The calibrated probability as a simple bar with the decision threshold marked. The number is also given in
 * words, so the bar is never the only way to read it.
 */
export function ProbabilityBar({
  probability,
  threshold,
  withheld = false,
}: {
  probability: number;
  threshold: number;
  /** The guard refused the photo: the number would look more certain than it is, so it is not shown. */
  withheld?: boolean;
}) {
  const percent = Math.round(probability * 100);
  if (withheld) {
    return (
      <div className="probability" data-testid="probability" data-value={String(probability)}>
        <p className="probability__label">
          No estimate is shown, because this photo did not pass the photo check.
        </p>
      </div>
    );
  }
  return (
    <div className="probability" data-testid="probability" data-value={String(probability)}>
      <p className="probability__label" id="probability-label">
        Model estimate: <strong>{percent}%</strong> likelihood that this mole needs a doctor’s look
      </p>
      <div
        className="probability__track"
        role="meter"
        aria-labelledby="probability-label"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div className="probability__fill" style={{ width: `${probability * 100}%` }} />
        <div className="probability__threshold" style={{ left: `${threshold * 100}%` }} />
      </div>
      <p className="probability__scale" aria-hidden="true">
        <span>0%</span>
        <span>threshold {Math.round(threshold * 100)}%</span>
        <span>100%</span>
      </p>
    </div>
  );
}
