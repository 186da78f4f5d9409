/** A storage problem or an import result in plain words, announced to screen readers. */
export function HistoryAlert({ message, tone }: { message: string; tone: 'error' | 'info' }) {
  return tone === 'error' ? (
    <p className="history-alert history-alert--error" role="alert" data-testid="history-error">
      <span aria-hidden="true">⚠ </span>
      {message}
    </p>
  ) : (
    <p className="history-alert" role="status" data-testid="history-status">
      {message}
    </p>
  );
}
