import type { EvaluationResult } from './evaluation-result';

/**
 * The confusion matrix as four labelled boxes in plain words, each with a row of dots (one per image, up to a
 * few hundred) so the proportions are visible at a glance.
 */
export function confusionPicture(r: EvaluationResult): string {
  const c = r.confusion;
  const dangerous = c.tp + c.fn;
  const harmless = c.tn + c.fp;
  const share = (k: number, of: number) => (of ? `${Math.round((100 * k) / of)}%` : '–');
  const dots = (k: number) =>
    k <= 300 ? `<div class="dots" aria-hidden="true">${'<i></i>'.repeat(k)}</div>` : '';
  const cell = (kind: string, count: number, of: number, title: string, note: string) =>
    `<div class="cell ${kind}"><div class="count">${count}</div><div class="what">${title}</div>` +
    `<div class="note">${share(count, of)} of ${of} · ${note}</div>${dots(count)}</div>`;
  return `<div class="confusion" role="table" aria-label="Confusion matrix">
  <div class="corner" role="columnheader"></div>
  <div class="head" role="columnheader">Model said “have it checked”</div>
  <div class="head" role="columnheader">Model said “looks fine”</div>
  <div class="side" role="rowheader">Really dangerous (${dangerous})</div>
  ${cell('good', c.tp, dangerous, 'dangerous moles the model flagged', 'correct')}
  ${cell('bad', c.fn, dangerous, 'dangerous moles the model missed', 'the costly mistake')}
  <div class="side" role="rowheader">Really not dangerous (${harmless})</div>
  ${cell('warn', c.fp, harmless, 'harmless moles flagged anyway', 'false alarm: an unneeded check')}
  ${cell('good', c.tn, harmless, 'harmless moles the model cleared', 'correct')}
</div>`;
}
