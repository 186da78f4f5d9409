import { escapeHtml } from '../../../src/shared/html/escape-html';
import { confusionPicture } from './confusion-picture';
import { SEED_RESULT, type EvaluationResult } from './evaluation-result';
import { rocSvg } from './roc-svg';
import { scoreHistogramSvg } from './score-histogram-svg';

const pct = (v: number) => (Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : 'n/a');
const ci = (c: [number, number] | undefined, f: (v: number) => string) =>
  c && Number.isFinite(c[0]) ? `${f(c[0])} – ${f(c[1])}` : '–';

const STYLE = `
body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d2430;background:#fff}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2.2rem;border-bottom:1px solid #dde2ea;padding-bottom:.2rem}
.meta{color:#556;font-size:.9rem}.headline{font-size:1.15rem;background:#f3f6fa;border-left:4px solid #2f6fb3;padding:.8rem 1rem;border-radius:4px}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.35rem .6rem;border-bottom:1px solid #e6e9ef;vertical-align:top}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.figures{display:flex;flex-wrap:wrap;gap:2rem;align-items:flex-start}
svg text{font-size:11px;fill:#445}svg .axis{font-size:12px;fill:#223}.grid{stroke:#eef0f4}.chance{stroke:#aab;stroke-dasharray:4 4}
.curve{fill:none;stroke:#2f6fb3;stroke-width:2.5}.point{fill:#d9480f;stroke:#fff;stroke-width:2}.point-label{fill:#d9480f;font-weight:600}
.bar-dangerous{fill:#d9480f}.bar-not_dangerous{fill:#2f9e66}.threshold{stroke:#111;stroke-width:1.5;stroke-dasharray:3 3}.band{fill:#f5d96b;opacity:.35}.axis-line{stroke:#889}
.legend span{display:inline-block;width:.8em;height:.8em;margin:0 .3em 0 1em;vertical-align:middle}
.confusion{display:grid;grid-template-columns:10rem 1fr 1fr;gap:.5rem;max-width:44rem}
.head,.side{font-weight:600;font-size:.9rem;align-self:end;color:#334}.side{align-self:center}
.cell{border-radius:6px;padding:.6rem .8rem;border:2px solid}.cell .count{font-size:1.8rem;font-weight:700}
.cell .what{font-weight:600}.cell .note{font-size:.85rem;color:#445}
.good{background:#e9f7ef;border-color:#2f9e66}.bad{background:#fdecea;border-color:#c92a2a}.warn{background:#fff6e0;border-color:#e8a317}
.dots{display:flex;flex-wrap:wrap;gap:2px;margin-top:.4rem}.dots i{width:7px;height:7px;border-radius:50%;background:currentColor;opacity:.55}
.good .dots{color:#2f9e66}.bad .dots{color:#c92a2a}.warn .dots{color:#e8a317}
dl dt{font-weight:600;margin-top:.8rem}dl dd{margin-left:0}
details{margin-top:1rem}summary{cursor:pointer;font-weight:600}
.caveat{background:#fff8e6;border:1px solid #f0d58c;padding:.6rem 1rem;border-radius:4px}
`;

/** One self-contained HTML page (inline CSS and SVG, no script) a non-specialist can read. */
export function htmlReport(r: EvaluationResult, generatedAt = new Date()): string {
  const c = r.confusion;
  const dangerous = c.tp + c.fn;
  const harmless = c.tn + c.fp;
  const rows: [string, string, string, string][] = [
    [
      'Dangerous moles caught (sensitivity)',
      pct(r.sensitivity),
      ci(r.ci95.sensitivity, pct),
      `${c.tp} of ${dangerous}`,
    ],
    [
      'Harmless moles cleared (specificity)',
      pct(r.specificity),
      ci(r.ci95.specificity, pct),
      `${c.tn} of ${harmless}`,
    ],
    [
      'Balanced accuracy (average of the two above)',
      pct(r.balancedAccuracy),
      ci(r.ci95.balancedAccuracy, pct),
      '',
    ],
    ['Accuracy (all answers right)', pct(r.accuracy), ci(r.ci95.accuracy, pct), `${c.tp + c.tn} of ${r.n}`],
    [
      'Ranking quality (ROC AUC)',
      Number.isFinite(r.auc) ? r.auc.toFixed(3) : 'n/a',
      ci(r.ci95.auc, (v) => v.toFixed(3)),
      '0.5 = guessing, 1 = perfect',
    ],
    [
      'Calibration error (ECE)',
      Number.isFinite(r.ece) ? r.ece.toFixed(3) : 'n/a',
      '–',
      '0 = probabilities match reality',
    ],
  ];
  const a05 = r.accuracyAt05;
  const skipped = r.skipped.length
    ? `<details><summary>${r.skipped.length} files were skipped</summary><table><tr><th>file</th><th>reason</th></tr>${r.skipped
        .map((s) => `<tr><td>${escapeHtml(s.path)}</td><td>${escapeHtml(s.reason)}</td></tr>`)
        .join('')}</table></details>`
    : '<p>No files were skipped.</p>';
  const perImage = [...r.images]
    .sort((x, y) => y.probability - x.probability)
    .map(
      (i) =>
        `<tr><td>${escapeHtml(i.path)}</td><td>${i.label === 'dangerous' ? 'dangerous' : 'not dangerous'}</td>` +
        `<td class="num">${(100 * i.probability).toFixed(1)}%</td><td>${i.probability >= r.threshold ? 'have it checked' : 'looks fine'}</td></tr>`,
    )
    .join('');

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Naevus model evaluation – ${escapeHtml(r.model.name)} ${escapeHtml(r.model.version)}</title>
<style>${STYLE}</style></head><body>
<h1>How well does the mole model do?</h1>
<p class="meta">Model ${escapeHtml(r.model.name)} ${escapeHtml(r.model.version)} · images from ${escapeHtml(r.data.root)} (${escapeHtml(r.data.split)}) · ${r.n} images · ${generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC</p>
<p class="headline">Of <b>${dangerous}</b> dangerous moles, the model flagged <b>${c.tp}</b> for a doctor’s check and missed <b>${c.fn}</b>.
Of <b>${harmless}</b> harmless moles, it cleared <b>${c.tn}</b> and raised a false alarm on <b>${c.fp}</b>.</p>

<h2>The four kinds of answer</h2>
${confusionPicture(r)}

<h2>Key figures</h2>
<table><tr><th>figure</th><th>value</th><th>95% range</th><th></th></tr>
${rows.map(([k, v, range, note]) => `<tr><td>${k}</td><td class="num">${v}</td><td class="num">${range}</td><td>${note}</td></tr>`).join('')}
</table>
<p>The model says “have it checked” when its probability is at least <b>${(100 * r.threshold).toFixed(1)}%</b>.
Between ${(100 * r.inconclusive.band[0]).toFixed(1)}% and ${(100 * r.inconclusive.band[1]).toFixed(1)}% the app calls the result inconclusive:
${r.inconclusive.n} of these ${r.n} images fell there (${r.inconclusive.dangerous} of them dangerous).</p>
<p>At a plain 50% cut-off the accuracy is <b>${pct(a05.accuracy)}</b> (95% range ${ci(a05.ci95, pct)}); the seed project reported
${pct(SEED_RESULT.correct / SEED_RESULT.n)} (${SEED_RESULT.correct} of ${SEED_RESULT.n}: ${SEED_RESULT.tn} harmless cleared, ${SEED_RESULT.fp} false alarms,
${SEED_RESULT.fn} dangerous missed, ${SEED_RESULT.tp} dangerous caught) on its own 126 test images.</p>

<h2>Pictures</h2>
<div class="figures">
<figure>${rocSvg(r)}<figcaption>ROC curve: AUC ${Number.isFinite(r.auc) ? r.auc.toFixed(3) : 'n/a'}. The higher and further left the curve, the better. The dashed diagonal is guessing.</figcaption></figure>
<figure>${scoreHistogramSvg(r)}<figcaption class="legend">Probabilities the model gave:<span style="background:#d9480f"></span>dangerous<span style="background:#2f9e66"></span>not dangerous<span style="background:#f5d96b"></span>inconclusive band; dashed line: threshold.</figcaption></figure>
</div>

<h2>What these numbers mean</h2>
<dl>
<dt>Sensitivity: “of the dangerous moles, how many did it catch?”</dt>
<dd>The most important figure for a screening tool: a missed dangerous mole is the costly mistake, so the threshold is set to catch at least 90% of them on the validation images.</dd>
<dt>Specificity: “of the harmless moles, how many did it leave alone?”</dt>
<dd>A false alarm costs an unneeded doctor’s visit and some worry, not a missed cancer. Catching more dangerous moles always means more false alarms; the threshold chooses the trade.</dd>
<dt>Balanced accuracy and accuracy</dt>
<dd>Accuracy counts all right answers; it depends on how many dangerous moles are in the set. Balanced accuracy averages sensitivity and specificity, so it does not.</dd>
<dt>AUC: ranking quality</dt>
<dd>Pick one dangerous and one harmless mole at random: the AUC is the chance the model gives the dangerous one the higher probability. It does not depend on the threshold.</dd>
<dt>Calibration error (ECE)</dt>
<dd>When the model says “30%”, about 30% of such moles should really be dangerous. ECE is the average gap between what it says and what happened; small is good.</dd>
<dt>The 95% range</dt>
<dd>With ${r.n} images, every figure is uncertain: one image more or less right moves accuracy by ${(100 / r.n).toFixed(1)} points. The true value for similar images lies in this range 95 times out of 100.</dd>
</dl>
<p class="caveat">This measures the model on these images only. In the seed data half the moles are dangerous; in everyday life far fewer are, so most “have it checked” answers would be false alarms. The app supports, and never replaces, a doctor’s examination.</p>

<h2>Details</h2>
${skipped}
<details><summary>Every image, most dangerous-looking first</summary>
<table><tr><th>file</th><th>really</th><th>probability</th><th>model said</th></tr>${perImage}</table></details>
<p class="meta">Calibration ${escapeHtml(r.model.calibration.method)} (a ${r.model.calibration.a.toFixed(4)}, b ${r.model.calibration.b.toFixed(4)}) · backend ${escapeHtml(r.backend)} · ${r.seconds.toFixed(1)} s · folder hash ${escapeHtml(r.data.dataHash.slice(0, 16))}</p>
</body></html>
`;
}
