import { existsSync } from 'node:fs';
import path from 'node:path';
import { writeFixtures } from '../fixtures/write-fixtures';
import { repoRoot } from './paths';

/** Runs once before any spec: checks the app is built, then generates the fixtures. */
export default function globalSetup(): void {
  if (!existsSync(path.join(repoRoot, 'dist', 'index.html'))) {
    throw new Error('dist/ is missing: run `npm run build` first (`npm test` does it for you).');
  }
  writeFixtures();
}
