/** Why the camera could not start, in words a non-technical user can act on. */
export function describeCameraProblem(error: unknown): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'The camera is blocked for this app. You can allow it in your browser settings, or choose a photo instead.';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'No camera was found on this device. You can choose a photo instead.';
    case 'NotReadableError':
    case 'AbortError':
      return 'The camera is busy or could not start (another app may be using it). You can choose a photo instead.';
    case 'Unsupported':
      return 'This browser cannot use the camera here (a secure https:// address is needed). You can choose a photo instead.';
    default:
      return 'The camera could not start. You can choose a photo instead.';
  }
}
