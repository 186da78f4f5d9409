import { useEffect, useState } from 'react';
import { Icon } from '../../components/icon';
import './pwa.css';

/** A quiet, permanent marker once everything is cached; the hook for the offline test. */
export function OfflineBadge({ ready }: { ready: boolean }) {
  if (!ready) return null;
  return (
    <p className="offline-badge" data-testid="offline-ready">
      <Icon name="offline" size={18} />
      <span>Works offline</span>
    </p>
  );
}

/** Long enough to read twice; the permanent badge keeps the information afterwards. */
const TOAST_MS = 12_000;

/** "Ready to work offline", shown once, in the visit where caching finished. */
export function OfflineReadyToast({ show }: { show: boolean }) {
  const [dismissed, setDismissed] = useState(false);
  useEffect(() => {
    if (!show) return;
    const timer = setTimeout(() => setDismissed(true), TOAST_MS);
    return () => clearTimeout(timer);
  }, [show]);
  if (!show || dismissed) return null;
  return (
    <div className="toast" role="status">
      <p>Ready to work offline. You can now check photos without a connection.</p>
      <button type="button" className="button button--ghost" onClick={() => setDismissed(true)}>
        OK
      </button>
    </div>
  );
}

/** A new version is waiting: it is used only when the user says so. */
export function UpdatePrompt({
  show,
  onReload,
  onLater,
}: {
  show: boolean;
  onReload: () => void;
  onLater: () => void;
}) {
  if (!show) return null;
  return (
    <div className="toast" role="alert">
      <p>Update available — reload to use the new version.</p>
      <button type="button" className="button button--primary" onClick={onReload} data-testid="update-reload">
        Reload
      </button>
      <button type="button" className="button button--ghost" onClick={onLater}>
        Later
      </button>
    </div>
  );
}
