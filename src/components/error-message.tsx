/** A problem in plain words; announced to screen readers as soon as it appears. */
export function ErrorMessage({ message, onDismiss }: { message: string; onDismiss?: () => void }) {
  return (
    <div className="error-message" role="alert">
      <p data-testid="error-message">{message}</p>
      {onDismiss && (
        <button type="button" className="button button--ghost" onClick={onDismiss}>
          OK
        </button>
      )}
    </div>
  );
}
