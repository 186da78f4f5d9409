import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { photos } from './support/paths';
import { privateDeployment } from './support/private-deployment';
import { storedHistory } from './support/stored-history';
import { expect, test } from './support/test';

// A person's saved moles outlive a new deployment: save a check, deploy a new version, accept "Update
// available", and the history is the same record for record, byte for byte. As in update-prompt.spec.ts the
// deployment is a private copy of dist/ on its own port (its own origin, service worker and IndexedDB),
// changed on disk mid-visit, because Playwright's routing does not see the service worker's update check.
const deployment = privateDeployment('naevus-history-deploy-');

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
  const { dir, server } = deployment();
  await app.openAsReturningVisitor(server.url);

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
