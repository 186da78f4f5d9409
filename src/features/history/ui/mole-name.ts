/** The longest mole name kept: the save panel's name field and the rename field share this one limit. */
export const MOLE_NAME_MAX_LENGTH = 100;

const EMPTY_NAME_MESSAGE = 'Give the mole a name, for example "Left shoulder".';

export type MoleNameCheck = { ok: true; name: string } | { ok: false; message: string };

/** A typed name as it will be stored (trimmed), or why it cannot be, in plain words. */
export function checkMoleName(typed: string): MoleNameCheck {
  const name = typed.trim();
  if (!name) return { ok: false, message: EMPTY_NAME_MESSAGE };
  if (name.length > MOLE_NAME_MAX_LENGTH) {
    return {
      ok: false,
      message: `The name is ${name.length} characters long; keep it to ${MOLE_NAME_MAX_LENGTH} or fewer.`,
    };
  }
  return { ok: true, name };
}
