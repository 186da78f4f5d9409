/** 0.8123 → "81%"; with an interval, "81% (95% CI 74–87%)". Metrics come from metadata.json, never from code. */
export function formatPercent(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? '—' : `${Math.round(value * 100)}%`;
}

export function formatWithInterval(value: number | undefined, interval?: [number, number]): string {
  if (!interval) return formatPercent(value);
  const [low, high] = interval;
  return `${formatPercent(value)} (95% CI ${Math.round(low * 100)}–${Math.round(high * 100)}%)`;
}

/** AUC reads better as a decimal. */
export function formatAuc(value: number | undefined, interval?: [number, number]): string {
  if (value === undefined || !Number.isFinite(value)) return '—';
  const base = value.toFixed(2);
  return interval ? `${base} (95% CI ${interval[0].toFixed(2)}–${interval[1].toFixed(2)})` : base;
}
