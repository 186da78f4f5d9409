import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { distDir } from './paths';
import { serveDirectory, type StaticServer } from './static-server';
import { test } from './test';

export interface PrivateDeployment {
  dir: string;
  server: StaticServer;
}

/**
 * A private copy of dist/ served on its own port — its own origin, so its own service worker and IndexedDB —
 * for specs that change the deployment on disk mid-visit (Playwright's routing does not see the browser's
 * service-worker update check). Registers the file's beforeAll/afterAll; call the result inside a test.
 */
export function privateDeployment(prefix: string): () => PrivateDeployment {
  let deployment: PrivateDeployment | undefined;
  test.beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), prefix));
    cpSync(distDir, dir, { recursive: true });
    deployment = { dir, server: await serveDirectory(dir) };
  });
  test.afterAll(async () => {
    await deployment?.server.close();
    if (deployment) rmSync(deployment.dir, { recursive: true, force: true });
  });
  return () => {
    if (!deployment) throw new Error('the private deployment is not set up (use it inside a test)');
    return deployment;
  };
}
