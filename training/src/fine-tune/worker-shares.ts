/**
 * Consecutive shares of `items`, one per worker, ceil(n / workers) each; a worker left with nothing gets null, so
 * callers send it no request (4 items on 3 workers: 2, 2, null). The split decides which images a worker's batch
 * moments and gradients come from, so it must stay the same for a run to reproduce.
 */
export function workerShares<T>(items: readonly T[], workers: number): (T[] | null)[] {
  const share = Math.ceil(items.length / workers);
  return Array.from({ length: workers }, (_, w) => {
    const part = items.slice(w * share, (w + 1) * share);
    return part.length > 0 ? part : null;
  });
}
