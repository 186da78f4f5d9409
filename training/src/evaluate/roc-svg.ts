import type { EvaluationResult } from './evaluation-result';

/**
 * The ROC curve as inline SVG: false-alarm rate across, share of dangerous moles caught up, with the diagonal of
 * guessing and the shipped threshold's point marked. No script, no external file.
 */
export function rocSvg(r: EvaluationResult, size = 360): string {
  const pad = 48;
  const plot = size - pad - 16;
  const x = (fpr: number) => pad + fpr * plot;
  const y = (tpr: number) => 16 + (1 - tpr) * plot;
  const points = r.roc.map((p) => `${x(p.fpr).toFixed(1)},${y(p.tpr).toFixed(1)}`).join(' ');
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  const grid = ticks
    .map(
      (t) =>
        `<line x1="${x(t)}" y1="${y(0)}" x2="${x(t)}" y2="${y(1)}" class="grid"/>` +
        `<line x1="${x(0)}" y1="${y(t)}" x2="${x(1)}" y2="${y(t)}" class="grid"/>` +
        `<text x="${x(t)}" y="${y(0) + 16}" text-anchor="middle">${t * 100}%</text>` +
        `<text x="${x(0) - 6}" y="${y(t) + 4}" text-anchor="end">${t * 100}%</text>`,
    )
    .join('');
  const fpr = 1 - r.specificity;
  const tpr = r.sensitivity;
  const marker =
    Number.isFinite(fpr) && Number.isFinite(tpr)
      ? `<circle cx="${x(fpr)}" cy="${y(tpr)}" r="6" class="point"/>` +
        // Label on whichever side of the point has room.
        `<text x="${fpr > 0.6 ? x(fpr) - 10 : x(fpr) + 10}" y="${y(tpr) + 18}" text-anchor="${fpr > 0.6 ? 'end' : 'start'}" class="point-label">shipped threshold</text>`
      : '';
  return `<svg viewBox="0 0 ${size} ${y(0) + 44}" width="${size}" height="${y(0) + 44}" role="img" aria-labelledby="roc-title roc-desc" class="roc">
<title id="roc-title">ROC curve, AUC ${Number.isFinite(r.auc) ? r.auc.toFixed(3) : 'n/a'}</title>
<desc id="roc-desc">Each point is one possible threshold: across is the share of not-dangerous moles wrongly flagged, up is the share of dangerous moles caught. The marked point is the threshold the app uses: ${(100 * tpr).toFixed(0)}% caught at ${(100 * fpr).toFixed(0)}% false alarms.</desc>
${grid}
<line x1="${x(0)}" y1="${y(0)}" x2="${x(1)}" y2="${y(1)}" class="chance"/>
<polyline points="${points}" class="curve"/>
${marker}
<text x="${x(0.5)}" y="${y(0) + 36}" text-anchor="middle" class="axis">harmless moles wrongly flagged (false alarms)</text>
<text transform="translate(12 ${y(0.5)}) rotate(-90)" text-anchor="middle" class="axis">dangerous moles caught</text>
</svg>`;
}
