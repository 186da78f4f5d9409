import { describe, expect, it } from 'vitest';
import { missingData, repoRoot } from './repo-paths';

describe('missingData', () => {
  it('names the first missing path, or says nothing when all exist', () => {
    const absent = `${repoRoot}/no-such-folder`;
    expect(missingData(repoRoot)).toBe('');
    expect(missingData(repoRoot, absent, `${absent}-2`)).toBe(`${absent} not found`);
  });
});
