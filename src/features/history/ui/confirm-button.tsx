import { useEffect, useRef, useState } from 'react';

interface ConfirmButtonProps {
  label: string;
  /** When several such buttons share a screen, says which one this is (e.g. the check's date). */
  accessibleLabel?: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => void | Promise<void>;
  testId?: string;
}

/** A destructive action that asks first, inline (no browser pop-up), with keyboard focus moved to the question. */
export function ConfirmButton({
  label,
  accessibleLabel,
  question,
  confirmLabel,
  onConfirm,
  testId,
}: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button
        type="button"
        className="button button--secondary"
        data-testid={testId}
        aria-label={accessibleLabel}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <div className="history-confirm" role="group" aria-label={question}>
      <p>{question}</p>
      <button
        ref={confirmRef}
        type="button"
        className="button button--danger"
        data-testid="confirm-delete"
        onClick={() => {
          setAsking(false);
          void onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className="button button--ghost" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </div>
  );
}
