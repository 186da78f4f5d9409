/** Linear warm-up from ~0 to 1 over `warmupSteps`, then cosine decay to `floor` at `totalSteps`. */
export function lrFactor(step: number, warmupSteps: number, totalSteps: number, floor = 0.02): number {
  if (step < warmupSteps) return (step + 1) / warmupSteps;
  const progress = Math.min(1, (step - warmupSteps) / Math.max(1, totalSteps - warmupSteps));
  return floor + (1 - floor) * 0.5 * (1 + Math.cos(Math.PI * progress));
}
