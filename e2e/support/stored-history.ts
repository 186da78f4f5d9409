import type { Page } from '@playwright/test';

export interface StoredImage {
  type: string;
  size: number;
  sha256: string;
}

export interface StoredHistory {
  moles: Record<string, unknown>[];
  checks: (Record<string, unknown> & { photo: StoredImage; crop: StoredImage })[];
}

/**
 * Every mole and check in the history database, sorted by id, image bytes as type, size and SHA-256 — read
 * directly from IndexedDB in the page, only after the app has opened it.
 */
export function storedHistory(page: Page): Promise<StoredHistory> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      // No version: never upgrade or create a schema behind the app's back.
      const request = indexedDB.open('naevus-history');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = (store: string) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as Record<string, unknown>[]);
        request.onerror = () => reject(request.error);
      });
    const digest = async (blob: Blob) => {
      const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
      const sha256 = Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('');
      return { type: blob.type, size: blob.size, sha256 };
    };
    const [moles, checks] = await Promise.all([all('moles'), all('checks')]);
    db.close();
    const byId = (a: Record<string, unknown>, b: Record<string, unknown>) =>
      String(a.id).localeCompare(String(b.id));
    return {
      moles: moles.sort(byId),
      checks: await Promise.all(
        checks.sort(byId).map(async (check) => ({
          ...check,
          photo: await digest(check.photo as Blob),
          crop: await digest(check.crop as Blob),
        })),
      ),
    };
  });
}
