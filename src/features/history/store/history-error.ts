/**
 * Storage failures as values the UI can show in plain words; callers never see a DOMException.
 */
export type HistoryErrorKind =
  'unavailable' | 'quota' | 'not-found' | 'invalid-file' | 'outdated' | 'unknown';

export interface HistoryError {
  kind: HistoryErrorKind;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: HistoryError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(kind: HistoryErrorKind, message: string): Result<T> => ({
  ok: false,
  error: { kind, message },
});

const MESSAGES: Record<Exclude<HistoryErrorKind, 'invalid-file'>, string> = {
  unavailable:
    'This browser is not letting the app store data (for example in a private window). ' +
    'Your result is still shown, but it cannot be saved here.',
  quota:
    'There is not enough storage space on this device to save the check. ' +
    'Delete old checks or free up space, then try again. Nothing saved before was lost.',
  'not-found': 'That mole or check no longer exists. It may have been deleted in another tab.',
  outdated:
    'The app was updated in another tab. Reload this page to keep using your saved moles; nothing was lost.',
  unknown: 'Saving did not work. Nothing saved before was lost; please try again.',
};

/** Maps whatever IndexedDB threw to one of the plain-language errors above. */
export function toHistoryError(cause: unknown): HistoryError {
  const name = cause instanceof Error || isDomExceptionLike(cause) ? cause.name : '';
  if (name === 'QuotaExceededError') return { kind: 'quota', message: MESSAGES.quota };
  if (name === 'InvalidStateError' || name === 'SecurityError' || name === 'UnknownError') {
    // Firefox private mode and disabled storage surface as these when opening the database.
    return { kind: 'unavailable', message: MESSAGES.unavailable };
  }
  if (name === 'NotFoundError') return { kind: 'not-found', message: MESSAGES['not-found'] };
  // This page's code is older than the stored schema, or a newer tab asked this one to close its connection.
  if (name === 'VersionError') return { kind: 'outdated', message: MESSAGES.outdated };
  return { kind: 'unknown', message: MESSAGES.unknown };
}

export function outdatedError(): HistoryError {
  return { kind: 'outdated', message: MESSAGES.outdated };
}

export function unavailableError(): HistoryError {
  return { kind: 'unavailable', message: MESSAGES.unavailable };
}

function isDomExceptionLike(value: unknown): value is { name: string } {
  return (
    typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string'
  );
}
