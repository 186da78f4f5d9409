import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../cli/repo-paths';
import type { HeadChoice } from './choose-head';

/** Code whose change must invalidate a cached head (the brightness view feeds its training set). */
const CODE = [
  'training/src/head/logistic-head.ts',
  'training/src/pipeline/choose-head.ts',
  'training/src/features/image-view.ts',
];

interface Stored {
  chosen: HeadChoice['chosen'];
  candidates: HeadChoice['candidates'];
  weights: number[];
  bias: number;
}

/**
 * The head search is deterministic, so its result is cached like the embeddings: keyed by everything it depends
 * on (features' network, images and labels, options, and the source of the fitting code). A warm --quick rerun
 * then skips the dozen fits.
 */
export function cachedHeadChoice(cacheDir: string, inputs: unknown, compute: () => HeadChoice): HeadChoice {
  const hash = createHash('sha256').update(JSON.stringify(inputs));
  for (const file of CODE) hash.update(readFileSync(join(repoRoot, file)));
  const path = join(cacheDir, `${hash.digest('hex')}.json`);
  if (existsSync(path)) {
    const s = JSON.parse(readFileSync(path, 'utf8')) as Stored;
    return {
      chosen: s.chosen,
      candidates: s.candidates,
      head: { weights: Float32Array.from(s.weights), bias: s.bias },
    };
  }
  const choice = compute();
  const stored: Stored = {
    chosen: choice.chosen,
    candidates: choice.candidates,
    weights: Array.from(choice.head.weights),
    bias: choice.head.bias,
  };
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(`${path}.tmp`, JSON.stringify(stored));
  renameSync(`${path}.tmp`, path);
  return choice;
}
