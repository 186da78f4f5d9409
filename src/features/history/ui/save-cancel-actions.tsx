/** A history form's submit and cancel buttons; the submit one says "Saving…" and is disabled while it saves. */
export function SaveCancelActions({
  saving,
  saveTestId,
  onCancel,
}: {
  saving: boolean;
  saveTestId: string;
  onCancel: () => void;
}) {
  return (
    <div className="history-actions">
      <button type="submit" className="button button--primary" disabled={saving} data-testid={saveTestId}>
        {saving ? 'Saving…' : 'Save'}
      </button>
      <button type="button" className="button button--ghost" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
