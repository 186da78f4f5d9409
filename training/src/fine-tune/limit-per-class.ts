/** `--limit`: the first `limit` items of each label, in the given order (all of them when there is no limit). */
export function limitPerClass<T extends { label: string }>(
  items: readonly T[],
  limit: number | undefined,
): T[] {
  if (limit === undefined) return [...items];
  const seen = new Map<string, number>();
  return items.filter((it) => {
    const n = seen.get(it.label) ?? 0;
    seen.set(it.label, n + 1);
    return n < limit;
  });
}
