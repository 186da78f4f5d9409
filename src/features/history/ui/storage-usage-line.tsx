import { useEffect, useState } from 'react';
import { browserStorage, estimateUsage, formatBytes, type StorageUsage } from '../store/storage-persistence';

/** "Storage used: 2.3 MB of 1.2 GB" for the whole app (the browser reports per site, not per store). */
export function StorageUsageLine({ version }: { version: unknown }) {
  const [usage, setUsage] = useState<StorageUsage | null>(null);
  useEffect(() => {
    let live = true;
    void estimateUsage(browserStorage()).then((next) => {
      if (live) setUsage(next);
    });
    return () => {
      live = false;
    };
  }, [version]);
  if (!usage) return null;
  return (
    <p className="history-muted" data-testid="storage-used" data-bytes={usage.usedBytes}>
      Storage used by this app: {formatBytes(usage.usedBytes)}
      {usage.quotaBytes ? ` of ${formatBytes(usage.quotaBytes)} available` : ''}
    </p>
  );
}
