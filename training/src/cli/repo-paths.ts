import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** npm workspace scripts run with cwd = training/, so CLI defaults resolve from the repository root. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The read-only data folder: ../shared beside the repository, or SHARED_DIR (tests and CLIs alike). */
const shared = resolve(process.env.SHARED_DIR ?? resolve(repoRoot, '../shared'));

export const defaultPaths = {
  shared,
  seedData: resolve(shared, 'datasets/seed-dermoscopy'),
  isic: resolve(shared, 'datasets/isic2017-train'),
  baseTflite: resolve(shared, 'models/mobilenet_v2_1.0_224_quant/mobilenet_v2_1.0_224_quant.tflite'),
  modelOut: resolve(repoRoot, 'public/model'),
  cache: resolve(repoRoot, 'training/cache'),
  runs: resolve(repoRoot, 'training/runs'),
};

/** Resolve a user-given path against the directory the user ran npm from (INIT_CWD), not training/. */
export function userPath(p: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), p);
}

/** Why a test that reads these paths must skip ("<path> not found" for the first one missing), or '' to run. */
export function missingData(...paths: string[]): string {
  const missing = paths.find((p) => !existsSync(p));
  return missing === undefined ? '' : `${missing} not found`;
}
