import { expect, test } from './support/test';

// First visit with the model files unreachable (a dropped connection): the app says so in plain words,
// shows no verdict, and works once the files can be fetched again.
test('an unreachable model gives a plain message, and a reload with a connection recovers', async ({
  app,
  page,
}) => {
  await page.route('**/model/**', (route) => route.abort('internetdisconnected'));
  await page.goto('/');
  const status = page.getByTestId('model-status');
  await expect(status).toHaveAttribute('data-state', 'error', { timeout: 60_000 });
  await expect(status).toContainText(/connection|reload/i);
  await expect(page.getByTestId('risk-level')).toHaveCount(0);

  await page.unroute('**/model/**');
  await page.reload();
  await app.waitForModel();
});
