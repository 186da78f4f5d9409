import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { distDir, photos } from './support/paths';
import { serveDirectory, type StaticServer } from './support/static-server';
import { expect, test } from './support/test';

// A person's saved moles outlive a new deployment: save a check, deploy a new version, accept "Update
// available", and the history is the same record for record, byte for byte. As in update-prompt.spec.ts the
// deployment is a private copy of dist/ on its own port (its own origin, service worker and IndexedDB),
// changed on disk mid-visit, because Playwright's routing does not see the service worker's update check.
let deployment: { dir: string; server: StaticServer } | undefined;

test.beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'naevus-history-deploy-'));
  cpSync(distDir, dir, { recursive: true });
  deployment = { dir, server: await serveDirectory(dir) };
});

test.afterAll(async () => {
  await deployment?.server.close();
  if (deployment) rmSync(deployment.dir, { recursive: true, force: true });
});

const deploymentMeta = 'meta[name="naevus-e2e-deployment"]';

/**
 * What a real release does: a changed page with a new revision in the precache manifest, so a new sw.js that
 * installs, re-fetches the page and waits. The marker in the page tells which deployment the reload shows.
 */
function deployNextVersion(dir: string): void {
  const indexPath = path.join(dir, 'index.html');
  const html = readFileSync(indexPath, 'utf8');
  writeFileSync(
    indexPath,
    html.replace('<head>', '<head>\n    <meta name="naevus-e2e-deployment" content="next" />'),
  );
  const swPath = path.join(dir, 'sw.js');
  const sw = readFileSync(swPath, 'utf8');
  const entry = /\{"revision":"[^"]+","url":"index\.html"\}/;
  if (!entry.test(sw)) throw new Error('index.html is not in the precache manifest of sw.js');
  writeFileSync(swPath, sw.replace(entry, '{"revision":"e2e-next-deployment","url":"index.html"}'));
}

interface StoredImage {
  type: string;
  size: number;
  sha256: string;
}

interface StoredHistory {
  moles: Record<string, unknown>[];
  checks: (Record<string, unknown> & { photo: StoredImage; crop: StoredImage })[];
}

/** Every mole and check in IndexedDB, images as type, size and SHA-256 (read after the app opened it). */
function storedHistory(page: Page): Promise<StoredHistory> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      // No version: never create or upgrade the schema behind the app's back.
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
    return {
      moles,
      checks: await Promise.all(
        checks.map(async (check) => ({
          ...check,
          photo: await digest(check.photo as Blob),
          crop: await digest(check.crop as Blob),
        })),
      ),
    };
  });
}

/** From the home screen: My moles → the one mole's timeline, as the person sees it. */
async function openTimeline(page: Page) {
  await page.getByTestId('open-my-moles').click();
  await expect(page.getByTestId('mole-item')).toHaveCount(1);
  await page.getByTestId('mole-item').getByRole('button').click();
  const items = page.getByTestId('timeline-item');
  return {
    name: await page.getByTestId('timeline-mole-name').innerText(),
    checks: await items.evaluateAll((nodes) =>
      nodes.map((node) => ({
        id: node.getAttribute('data-check-id'),
        probability: Number(node.getAttribute('data-probability')),
        risk: node.getAttribute('data-risk'),
      })),
    ),
  };
}

test('saved history is identical after accepting a new version of the app', async ({ app, page }) => {
  const { dir, server } = deployment!;
  // A returning person: the first visit installs the service worker, the second runs under it.
  await page.goto(server.url);
  await app.waitForModel();
  await app.waitForOfflineReady();
  await page.reload();
  await app.waitForModel();

  const verdict = await app.analyseFile(photos.mole);
  await page.getByTestId('save-check').click();
  await page.getByTestId('mole-name').fill('Left shoulder');
  await page.getByTestId('body-location').selectOption('back-upper-left');
  await page.getByTestId('save-check-confirm').click();
  await expect(page.getByTestId('history-status')).toContainText('Saved to “Left shoulder”');

  await page.goto(server.url);
  const shownBefore = await openTimeline(page);
  expect(shownBefore.name).toBe('Left shoulder');
  expect(shownBefore.checks).toHaveLength(1);
  expect(shownBefore.checks[0]!.risk).toBe(verdict.risk);
  expect(shownBefore.checks[0]!.probability).toBeCloseTo(verdict.probability, 6);
  const storedBefore = await storedHistory(page);
  await expect(page.locator(deploymentMeta)).toHaveCount(0);

  deployNextVersion(dir);
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration?.update();
  });
  await expect(page.getByText(/update available/i)).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('update-reload').click();

  // The reload is served by the new worker from its new precache: the next deployment's page.
  await expect(page.locator(deploymentMeta)).toHaveAttribute('content', 'next');
  await app.waitForModel();
  expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);

  const shownAfter = await openTimeline(page);
  expect(shownAfter).toEqual(shownBefore);
  expect(await storedHistory(page)).toEqual(storedBefore);
});
