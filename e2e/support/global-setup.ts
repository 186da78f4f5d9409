import { existsSync } from 'node:fs';
import path from 'node:path';
import { writeFixtures } from '../fixtures/write-fixtures';
import { distDir } from './paths';

/** Runs once before any spec: checks the app is built, then generates the fixtures. */
export default function globalSetup(): void {
  if (!existsSync(path.join(distDir, 'index.html'))) {
    throw new Error(`${distDir} has no build: run \`npm run build\` first (\`npm test\` does it for you).`);
  }
  writeFixtures();
}
