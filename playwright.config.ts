import { defineConfig, type LaunchOptions } from '@playwright/test';
import { chromiumPath, quietChromiumArgs } from './e2e/support/chromium-flags';
import { distDir, fakeCameraVideo } from './e2e/support/paths';

/**
 * End-to-end tests against the built app (`dist/`, served by `vite preview`) in Debian's Chromium.
 * `npm test` builds first; run `npm run build` yourself before `npx playwright test`.
 */
const isCi = Boolean(process.env.CI);
// E2E_PORT / E2E_DIST let a developer test a build of their own while someone else previews dist/ on 4173.
const port = Number(process.env.E2E_PORT ?? 4173);

// No GPU for the functional specs: the app then picks its backend as on a machine without WebGL.
const chromiumArgs = [...quietChromiumArgs, '--disable-gpu'];

function chromium(extraArgs: string[] = []): LaunchOptions {
  return {
    executablePath: chromiumPath,
    args: [...chromiumArgs, ...extraArgs],
  };
}

// A separate browser for the camera specs: these flags replace the real camera with a looping video made
// from a seed image (written by the global setup). No --use-fake-ui-for-media-stream: it would accept every
// prompt, and the denial test needs the browser's real refusal. Specs grant 'camera' where they want it.
const fakeCameraArgs = [
  '--use-fake-device-for-media-stream',
  `--use-file-for-fake-video-capture=${fakeCameraVideo}`,
];

export default defineConfig({
  testDir: './e2e',
  globalSetup: './e2e/support/global-setup.ts',
  fullyParallel: false,
  forbidOnly: isCi,
  retries: 0,
  // Two cores in all: one worker per core, the browser's own threads share them.
  workers: isCi ? 2 : 1,
  timeout: 90_000,
  expect: { timeout: 30_000 },
  // 'list' for the per-test lines; the summary reporter prints one "N passed, N failed, N skipped" line last.
  reporter: [['list'], ['./e2e/support/summary-reporter.ts']],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    serviceWorkers: 'allow',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: /camera.*\.spec\.ts/,
      use: { browserName: 'chromium', launchOptions: chromium() },
    },
    {
      name: 'chromium-fake-camera',
      testMatch: /camera.*\.spec\.ts/,
      use: { browserName: 'chromium', launchOptions: chromium(fakeCameraArgs) },
    },
  ],
  webServer: {
    command: `npx vite preview --port ${port} --strictPort --outDir ${distDir}`,
    url: `http://localhost:${port}`,
    reuseExistingServer: !isCi,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
