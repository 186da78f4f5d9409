/** The parts of navigator.storage the history uses; injectable because tests have no StorageManager. */
export interface StorageLike {
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
}

export function browserStorage(): StorageLike | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

/**
 * Asks the browser not to evict the history under storage pressure. Called on the first save (browsers
 * grant it more readily after a user action); a refusal is not an error, the data is still saved.
 */
export async function requestPersistence(storage: StorageLike | undefined): Promise<boolean> {
  try {
    if (!storage?.persist) return false;
    if (storage.persisted && (await storage.persisted())) return true;
    return await storage.persist();
  } catch {
    return false;
  }
}

export interface StorageUsage {
  usedBytes: number;
  quotaBytes: number | null;
}

export async function estimateUsage(storage: StorageLike | undefined): Promise<StorageUsage | null> {
  try {
    if (!storage?.estimate) return null;
    const { usage, quota } = await storage.estimate();
    return { usedBytes: usage ?? 0, quotaBytes: quota ?? null };
  } catch {
    return null;
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}
