export function abortError(): DOMException {
  return new DOMException('Superseded by a newer request.', 'AbortError');
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * Runs tasks one at a time, in order (the worker does one analysis at a time anyway). A task whose signal is
 * aborted before it starts never runs; one aborted while running rejects at once and its result is dropped —
 * the worker finishes it, but nobody waits for it, so a newer photo is never blocked behind an older one for
 * longer than one inference.
 */
export function createSerialQueue() {
  let tail: Promise<void> = Promise.resolve();
  return function run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortError());
        return;
      }
      const onAbort = () => reject(abortError());
      signal?.addEventListener('abort', onAbort, { once: true });
      tail = tail.then(async () => {
        if (signal?.aborted) return;
        try {
          resolve(await task());
        } catch (error) {
          reject(error);
        } finally {
          signal?.removeEventListener('abort', onAbort);
        }
      });
    });
  };
}
