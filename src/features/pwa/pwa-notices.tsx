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

/** Long enough to read once; the permanent "Works offline" badge keeps the information afterwards. */
const OFFLINE_NOTICE_MS = 5_000;

/**
 * "Ready to work offline", shown once, in the visit where caching finished. It needs no answer, so it goes after
 * a few seconds by itself and lets taps through meanwhile. The status region exists before the text arrives
 * (screen readers announce a change to a live region, not one that appears already filled) and keeps the text,
 * visually hidden, after the toast has gone.
 */
export function OfflineReadyToast({ show }: { show: boolean }) {
  const [expired, setExpired] = useState(false);
  useEffect(() => {
    if (!show) return;
    const timer = setTimeout(() => setExpired(true), OFFLINE_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [show]);
  const visible = show && !expired;
  return (
    <div
      className={visible ? 'toast toast--passive' : 'visually-hidden'}
      role="status"
      data-testid="offline-ready-notice"
    >
      {show && <p>Ready to work offline. You can now check photos without a connection.</p>}
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
