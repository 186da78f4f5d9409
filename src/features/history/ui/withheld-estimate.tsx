import type { StoredPhotoCheck } from '../store/history-types';
import { NO_ESTIMATE } from '../store/estimate';

/** Stands where a check's number would be when the photo check rejected the photo: why, in plain words. */
export function WithheldEstimate({ guard }: { guard: StoredPhotoCheck | undefined }) {
  const reasons = guard?.reasons ?? [];
  return (
    <div className="history-withheld" data-testid="no-estimate">
      <span>{NO_ESTIMATE}</span>
      {reasons.length > 0 && (
        <ul aria-label="What the photo check found">
          {reasons.map((reason, index) => (
            // Reasons are not unique by contract (an import may repeat one); the order never changes.
            <li key={index}>{reason}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
