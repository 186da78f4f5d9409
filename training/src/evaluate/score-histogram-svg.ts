import type { EvaluationResult } from './evaluation-result';

/**
 * How the calibrated probabilities spread for each true class (20 bins), with the threshold and the
 * inconclusive band drawn in: the picture behind sensitivity and specificity.
 */
export function scoreHistogramSvg(r: EvaluationResult, width = 560, height = 220): string {
  const bins = 20;
  const counts = {
    dangerous: new Array<number>(bins).fill(0),
    not_dangerous: new Array<number>(bins).fill(0),
  };
  for (const image of r.images) {
    const b = Math.min(bins - 1, Math.max(0, Math.floor(image.probability * bins)));
    counts[image.label][b]!++;
  }
  const max = Math.max(1, ...counts.dangerous, ...counts.not_dangerous);
  const left = 36;
  const bottom = height - 36;
  const plotW = width - left - 10;
  const plotH = bottom - 10;
  const x = (p: number) => left + p * plotW;
  const barW = plotW / bins / 2 - 1;
  const bars = (['not_dangerous', 'dangerous'] as const)
    .map((label, k) =>
      counts[label]
        .map((n, b) => {
          const h = (n / max) * plotH;
          return n
            ? `<rect x="${(x(b / bins) + 1 + k * (barW + 1)).toFixed(1)}" y="${(bottom - h).toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}" class="bar-${label}"><title>${n} ${label === 'dangerous' ? 'dangerous' : 'not dangerous'} at ${(b / bins).toFixed(2)}–${((b + 1) / bins).toFixed(2)}</title></rect>`
            : '';
        })
        .join(''),
    )
    .join('');
  const [lo, hi] = r.inconclusive.band;
  return `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Histogram of the model's probabilities for dangerous and not-dangerous moles" class="hist">
<rect x="${x(lo)}" y="10" width="${Math.max(0, x(hi) - x(lo))}" height="${plotH}" class="band"><title>inconclusive band</title></rect>
${bars}
<line x1="${x(r.threshold)}" y1="6" x2="${x(r.threshold)}" y2="${bottom}" class="threshold"/>
<line x1="${left}" y1="${bottom}" x2="${left + plotW}" y2="${bottom}" class="axis-line"/>
${[0, 0.25, 0.5, 0.75, 1].map((t) => `<text x="${x(t)}" y="${bottom + 16}" text-anchor="middle">${t}</text>`).join('')}
<text x="${x(0.5)}" y="${height - 4}" text-anchor="middle" class="axis">model's probability of “dangerous”</text>
</svg>`;
}
