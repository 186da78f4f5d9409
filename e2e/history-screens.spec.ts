import { readFile } from 'node:fs/promises';
import { expectNoSeriousA11yViolations } from './support/axe-scan';
import { missing, seedImages } from './support/paths';
import { storedHistory } from './support/stored-history';
import type { Page } from '@playwright/test';
import { expect, test } from './support/test';

// The history screens without re-running analyses: a history is imported from an archive built here from
// seed photos (the same route a person uses to move their history to a new phone).
const skipReason = missing(seedImages.dangerousJpeg, seedImages.notDangerousJpeg);

async function seedArchive(): Promise<Buffer> {
  const [first, second] = await Promise.all([
    readFile(seedImages.dangerousJpeg),
    readFile(seedImages.notDangerousJpeg),
  ]);
  return Buffer.from(
    JSON.stringify(
      oneMoleArchive(1, [
        {
          id: 'check-1',
          moleId: 'mole-1',
          takenAt: '2025-01-01T09:00:00.000Z',
          riskLevel: 'low',
          probability: 0.2,
          modelVersion: 'seed-test',
          photo: jpeg(second),
          crop: jpeg(second),
        },
        {
          id: 'check-2',
          moleId: 'mole-1',
          takenAt: '2025-04-02T09:00:00.000Z',
          riskLevel: 'high',
          probability: 0.75,
          modelVersion: 'seed-test',
          photo: jpeg(first),
          crop: jpeg(first),
        },
      ]),
    ),
  );
}

const jpeg = (bytes: Buffer) => ({ type: 'image/jpeg', base64: bytes.toString('base64') });

/** An archive of one mole, "Left shoulder", with these checks, in the given format version. */
function oneMoleArchive(version: number, checks: object[]) {
  return {
    format: 'naevus-mole-history',
    version,
    exportedAt: '2025-06-01T00:00:00.000Z',
    moles: [
      {
        id: 'mole-1',
        name: 'Left shoulder',
        bodyLocation: 'back-upper-left',
        // Last checked long ago, so a re-check is due.
        createdAt: '2025-01-01T09:00:00.000Z',
        recheckIntervalDays: 91,
      },
    ],
    checks,
  };
}

/** Imports the seeded archive on My moles and opens its one mole's timeline. */
async function openSeededMole(page: Page): Promise<void> {
  // The history screens do not need the model, so no waiting for it to load.
  await page.goto('/');
  await page.getByTestId('open-my-moles').click();
  await page.getByTestId('import-file').setInputFiles({
    name: 'history.json',
    mimeType: 'application/json',
    buffer: await seedArchive(),
  });
  await page.getByTestId('mole-item').getByRole('button').click();
}

test('My moles, timeline and compare: reminders, calendar file, no serious accessibility violations', async ({
  page,
}) => {
  test.skip(skipReason !== null, skipReason ?? '');
  // The history screens do not need the model, so no waiting for it to load.
  await page.goto('/');
  await page.getByTestId('open-my-moles').click();
  await expect(page.getByTestId('mole-list-empty')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'my moles (empty)');

  await page.getByTestId('import-file').setInputFiles({
    name: 'history.json',
    mimeType: 'application/json',
    buffer: await seedArchive(),
  });
  await expect(page.getByTestId('history-status')).toContainText('Imported 1 mole and 2 checks');
  await expect(page.getByTestId('due-reminders')).toContainText('Left shoulder');
  await expect(page.getByTestId('storage-used')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'my moles');

  await page.getByTestId('mole-item').getByRole('button').click();
  await expect(page.getByTestId('timeline-item')).toHaveCount(2);
  // Newest first.
  await expect(page.getByTestId('timeline-item').first()).toHaveAttribute('data-check-id', 'check-2');
  await expect(page.getByTestId('timeline-item').first()).toContainText('Model estimate: 75%');
  await expect(page.getByText('It is not your personal risk.', { exact: false })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'mole timeline');

  const [ics] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-ics').click()]);
  const calendar = await readFile(await ics.path(), 'utf8');
  expect(calendar).toContain('BEGIN:VCALENDAR');
  expect(calendar).toContain('SUMMARY:Re-check mole: Left shoulder');
  // 91 days after the latest check (2 Apr 2025).
  expect(calendar).toContain('DTSTART;VALUE=DATE:20250702');

  // A longer interval moves the next re-check date.
  const next = page.getByTestId('next-recheck');
  const before = await next.innerText();
  await page.getByTestId('recheck-interval').selectOption('182');
  await expect(next).not.toHaveText(before);

  await page.getByTestId('compare-checks').click();
  await expect(page.getByTestId('compare-item')).toHaveCount(2);
  await expect(page.getByTestId('probability-change')).toHaveText(
    'The model’s estimate went up by 55 percentage points (from 20% to 75%).',
  );
  await expect(page.getByTestId('compare-item').first()).toContainText('Model estimate: 20%');
  await expect(page.getByTestId('compare-view')).toContainText('It is not your personal risk.');
  await expectNoSeriousA11yViolations(page, 'compare');

  // The browser's back button steps compare → timeline → list → home.
  await page.goBack();
  await expect(page.getByTestId('timeline-item')).toHaveCount(2);
  await page.goBack();
  await expect(page.getByTestId('mole-list')).toBeVisible();
  await page.goBack();
  await expect(page.getByTestId('file-input')).toBeAttached();

  // Home shows the due re-check when the app opens.
  await page.reload();
  await expect(page.getByTestId('open-my-moles')).toContainText('My moles (1)');
});

test('a check of an earlier model shows the number its result screen showed, read against its own band', async ({
  page,
}) => {
  test.skip(skipReason !== null, skipReason ?? '');
  const image = jpeg(await readFile(seedImages.dangerousJpeg));
  const archive = oneMoleArchive(3, [
    {
      id: 'check-1',
      moleId: 'mole-1',
      takenAt: '2025-01-01T09:00:00.000Z',
      riskLevel: 'high',
      // "From 73%: have it checked" under this band; plain rounding would say 72%.
      probability: 0.7226,
      modelVersion: 'an-earlier-model',
      inconclusiveBand: [0.166, 0.7224],
      photo: image,
      crop: image,
    },
  ]);
  await page.goto('/');
  await page.getByTestId('open-my-moles').click();
  await page.getByTestId('import-file').setInputFiles({
    name: 'history.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(archive)),
  });
  await expect(page.getByTestId('history-status')).toContainText('Imported 1 mole and 1 check');
  const stored = await storedHistory(page);
  expect(stored.checks[0]!.inconclusiveBand).toEqual([0.166, 0.7224]);

  // A damaged band refuses the whole file in plain words and changes nothing.
  await page.getByTestId('import-file').setInputFiles({
    name: 'damaged.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({
        ...archive,
        checks: [{ ...archive.checks[0], id: 'check-2', inconclusiveBand: [0.8, 0.2] }],
      }),
    ),
  });
  await expect(page.getByTestId('history-error')).toContainText(
    'The file cannot be imported: Check 1 has an invalid inconclusive band. Nothing was changed.',
  );
  expect(await storedHistory(page)).toEqual(stored);

  await page.getByTestId('mole-item').getByRole('button').click();
  await expect(page.getByTestId('timeline-item')).toContainText('Model estimate: 73%');
});

test('renaming a mole: keyboard only, kept after a reload, carried by the exported archive', async ({
  page,
}) => {
  test.skip(skipReason !== null, skipReason ?? '');
  await openSeededMole(page);
  const heading = page.getByTestId('timeline-mole-name');
  await expect(heading).toHaveText('Left shoulder');

  await page.getByRole('button', { name: 'Rename' }).click();
  const field = page.getByRole('textbox', { name: 'New name' });
  await expect(field).toBeFocused();
  await field.fill('   ');
  await field.press('Enter');
  await expect(page.getByTestId('history-error')).toContainText('Give the mole a name');
  await expectNoSeriousA11yViolations(page, 'rename a mole (refused)');
  await field.fill('Escape leaves this');
  await field.press('Escape');
  await expect(field).toHaveCount(0);
  await expect(heading).toHaveText('Left shoulder');

  await page.getByRole('button', { name: 'Rename' }).click();
  await field.fill('  Mole under the left shoulder blade ');
  await field.press('Enter');
  await expect(heading).toHaveText('Mole under the left shoulder blade');
  await expect(page.getByRole('button', { name: 'Rename' })).toBeFocused();

  // A reload starts the app on its home screen.
  await page.reload();
  await page.getByTestId('open-my-moles').click();
  await expect(page.getByTestId('mole-item')).toContainText('Mole under the left shoulder blade');
  await page.getByTestId('mole-item').getByRole('button').click();
  await expect(heading).toHaveText('Mole under the left shoulder blade');
  await expect(page.getByTestId('timeline-item')).toHaveCount(2);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-mole-archive').click(),
  ]);
  const archive = JSON.parse(await readFile(await download.path(), 'utf8')) as {
    moles: { id: string; name: string }[];
  };
  expect(archive.moles).toEqual([
    expect.objectContaining({ id: 'mole-1', name: 'Mole under the left shoulder blade' }),
  ]);
});

test('deleting one check and then the mole asks first and removes only what was chosen', async ({ page }) => {
  test.skip(skipReason !== null, skipReason ?? '');
  await openSeededMole(page);
  const items = page.getByTestId('timeline-item');
  await expect(items).toHaveCount(2);

  await items.first().getByRole('button', { name: 'Delete this check' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(items).toHaveCount(2);
  await items.first().getByRole('button', { name: 'Delete this check' }).click();
  await page.getByTestId('confirm-delete').click();
  await expect(items).toHaveCount(1);
  await expect(items.first()).toHaveAttribute('data-check-id', 'check-1');

  await page.getByTestId('delete-mole').click();
  await page.getByTestId('confirm-delete').click();
  await expect(page.getByTestId('mole-list-empty')).toBeVisible();
});

test('without IndexedDB (private mode) saving says so in plain words and one-off checks keep working', async ({
  app,
  page,
}) => {
  test.skip(skipReason !== null, skipReason ?? '');
  test.setTimeout(240_000);
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
  });
  await app.open();
  await app.analyseFile(seedImages.dangerousJpeg);
  await expect(page.getByTestId('save-check')).toBeDisabled();
  await expect(page.getByText(/cannot be saved here/)).toBeVisible();

  await page.getByRole('button', { name: 'Check another photo' }).click();
  const verdict = await app.analyseFile(seedImages.notDangerousJpeg);
  expect(['low', 'inconclusive', 'high']).toContain(verdict.risk);
});
