import { describe, expect, it } from 'vitest';
import { checkMoleName, MOLE_NAME_MAX_LENGTH } from './mole-name';

describe('checkMoleName', () => {
  it('keeps the name trimmed', () => {
    expect(checkMoleName('  Right calf \n')).toEqual({ ok: true, name: 'Right calf' });
  });

  it('refuses an empty or blank name in plain words', () => {
    for (const typed of ['', '   ', '\t\n']) {
      const checked = checkMoleName(typed);
      expect(checked.ok).toBe(false);
      if (!checked.ok) expect(checked.message).toMatch(/Give the mole a name/);
    }
  });

  it('accepts exactly the limit (counted after trimming) and refuses one character more', () => {
    const longest = 'x'.repeat(MOLE_NAME_MAX_LENGTH);
    expect(checkMoleName(`  ${longest}  `)).toEqual({ ok: true, name: longest });
    const checked = checkMoleName(`${longest}y`);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.message).toMatch(/101 characters long; keep it to 100 or fewer/);
  });
});
