/** A file-system error in a few plain words, for messages people read ("permission denied", not EACCES). */
export function plainErrorCode(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'read-only file system';
  if (code === 'ENOSPC') return 'disk full';
  return code ?? (error instanceof Error ? error.message : String(error));
}
