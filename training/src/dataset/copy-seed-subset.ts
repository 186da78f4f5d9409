import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Copies the first `perClass` files (by name) of every split and class of the seed layout: tiny smoke-test data. */
export function copySeedSubset(seedData: string, to: string, perClass: number): void {
  for (const split of ['train', 'valid', 'test']) {
    for (const cls of ['Dangerous', 'not_Dangerous']) {
      const from = join(seedData, split, cls);
      const dest = join(to, split, cls);
      mkdirSync(dest, { recursive: true });
      for (const f of readdirSync(from).sort().slice(0, perClass)) copyFileSync(join(from, f), join(dest, f));
    }
  }
}
