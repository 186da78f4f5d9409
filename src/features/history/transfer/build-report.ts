import { escapeHtml } from '../../../shared/html/escape-html';
import type { ModelMetadata } from '../../../shared/model/model-metadata';
import { shownScale } from '../../../shared/model/shown-estimate';
import { bodyLocationLabel } from '../store/body-locations';
import { NO_ESTIMATE, shownProbability } from '../store/estimate';
import type { Check, Mole } from '../store/history-types';
import { bandOf, checkLabel, formatEstimate, NOT_A_DIAGNOSIS, RISK_LABELS } from '../store/risk-labels';
import { sniffImageType } from '../store/sniff-image-type';
import { bytesToBase64 } from './base64';
import type { HistorySnapshot } from './read-history';

async function dataUrl(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  return `data:${sniffImageType(bytes) ?? 'image/jpeg'};base64,${bytesToBase64(bytes)}`;
}

function formatDate(iso: string): string {
  // A fixed, unambiguous format: the report may be read in another country than where it was made.
  return new Date(iso).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}

/** The model the app runs now; its band serves its own checks saved before each check kept its band. */
export type ReportModel = Pick<ModelMetadata, 'version' | 'inconclusiveBand' | 'metrics'>;

/** The number, or (when the photo check withheld it) why there is none, as the app's screens say it. */
function estimateCell(check: Check, model: ReportModel | undefined): string {
  const estimate = shownProbability(check);
  if (estimate !== undefined) return formatEstimate(estimate, bandOf(check, model));
  const reasons = check.guard?.reasons ?? [];
  const list = reasons.map((reason) => `<li>${escapeHtml(reason)}</li>`).join('');
  return `${escapeHtml(NO_ESTIMATE)}${list ? `<ul>${list}</ul>` : ''}`;
}

async function checkRow(check: Check, model: ReportModel | undefined): Promise<string> {
  const [photo, crop] = await Promise.all([dataUrl(check.photo), dataUrl(check.crop)]);
  const risk = checkLabel(check);
  return `<tr>
<td>${escapeHtml(formatDate(check.takenAt))}</td>
<td><img src="${photo}" alt="Photo taken ${escapeHtml(formatDate(check.takenAt))}" class="photo"></td>
<td><img src="${crop}" alt="Area analysed" class="crop"></td>
<td>${risk.symbol} ${escapeHtml(risk.text)}</td>
<td>${estimateCell(check, model)}</td>
<td>${escapeHtml(check.modelVersion)}</td>
</tr>`;
}

async function moleSection(mole: Mole, checks: Check[], model: ReportModel | undefined): Promise<string> {
  const rows = await Promise.all(checks.map((check) => checkRow(check, model)));
  return `<section>
<h2>${escapeHtml(mole.name)}</h2>
<p>Location: ${escapeHtml(bodyLocationLabel(mole.bodyLocation))} · First recorded ${escapeHtml(formatDate(firstRecorded(mole, checks)))} · ${checks.length} check${checks.length === 1 ? '' : 's'}</p>
${
  rows.length === 0
    ? '<p>No checks saved.</p>'
    : `<table><thead><tr><th>Date</th><th>Photo</th><th>Analysed area</th><th>Result</th><th>Model estimate</th><th>Model version</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`
}
</section>`;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** When the mole was first photographed: its oldest check (saved a little after it was taken), else its record. */
function firstRecorded(mole: Mole, checks: readonly Check[]): string {
  return checks.reduce((first, check) => (check.takenAt < first ? check.takenAt : first), mole.createdAt);
}

/** "37 “Have it checked”, 24 “Inconclusive”, 2 “Low concern”": the app's own answers to one true class. */
function answerCounts(shares: { n: number; high: number; inconclusive: number; low: number }): string {
  return (['high', 'inconclusive', 'low'] as const)
    .map((level) => `${Math.round(shares[level] * shares.n)} “${RISK_LABELS[level].text}”`)
    .join(', ');
}

/**
 * What the number is and how far to trust it, for a reader who has not seen the app. Measured figures come only
 * from the model's own metadata, when the app passes it in; without it the note says where to find them.
 */
function estimateNote(model: ReportModel | undefined): string {
  const lines = [
    'The model estimate is how much the analysed area resembles the moles in the model’s training images that ' +
      'needed a doctor. It is not the person’s risk of skin cancer, and it is not a diagnosis. The training ' +
      'images were dermoscopic (taken through a skin microscope); phone photos look different, so the ' +
      'model’s answers on them are less reliable.',
  ];
  if (model) {
    const { low, high } = shownScale(model.inconclusiveBand);
    lines.push(
      `Model version ${model.version} answers “${RISK_LABELS.low.text}” below ${low}%, ` +
        `“${RISK_LABELS.high.text}” from ${high}%, and “${RISK_LABELS.inconclusive.text}” in between.`,
    );
    const test = model.metrics.test;
    if (test?.levels) {
      const { dangerous, notDangerous } = test.levels;
      lines.push(
        `On ${test.n} test images it never saw in training, the app answered: for the ${dangerous.n} moles that ` +
          `needed a doctor, ${answerCounts(dangerous)}; for the ${notDangerous.n} that did not, ` +
          `${answerCounts(notDangerous)}.`,
      );
    }
    if (test) {
      const { tp, fn, tn, fp } = test.confusion;
      lines.push(
        `Counted yes/no at the model's cut-off instead (which splits the inconclusive answers): ` +
          `sensitivity ${percent(test.sensitivity)} (${tp} of the ${tp + fn} moles that needed a doctor were ` +
          `flagged), specificity ${percent(test.specificity)} (${tn} of the ${tn + fp} that did not were not ` +
          'flagged).',
      );
    }
  } else {
    lines.push('How often the model is right or wrong is shown on the model card in the app.');
  }
  lines.push('When in doubt, see a doctor, whatever the estimate says.');
  return `<section class="about" data-testid="estimate-note">
<h2>About the model estimate</h2>
${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n')}
</section>`;
}

const STYLE = `body{font:14px/1.4 system-ui,sans-serif;color:#111;margin:2rem;max-width:60rem}
.notice{border:2px solid #111;padding:.75rem;font-weight:600}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.4rem;text-align:left;vertical-align:top}
img.photo{max-width:12rem;max-height:12rem}img.crop{width:7rem;height:7rem}
section{break-inside:avoid;margin-top:2rem}@media print{body{margin:0}}`;

/**
 * A self-contained, printable HTML page (images inline as data URLs) to keep or hand to a doctor. `model`, the
 * model the app runs now, adds its answer ranges and measured figures. Checks show their numbers as the result
 * screen did (risk-labels.ts bandOf).
 */
export async function buildReport(
  snapshot: HistorySnapshot,
  now = new Date(),
  model?: ReportModel,
): Promise<string> {
  const sections = await Promise.all(
    snapshot.moles.map((mole) =>
      moleSection(
        mole,
        snapshot.checks.filter((check) => check.moleId === mole.id),
        model,
      ),
    ),
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Mole history — Naevus</title><style>${STYLE}</style></head>
<body>
<h1>Mole history</h1>
<p>Exported ${escapeHtml(formatDate(now.toISOString()))} from the Naevus app. All photos were analysed on the device.</p>
<p class="notice">${escapeHtml(NOT_A_DIAGNOSIS)}</p>
${estimateNote(model)}
${sections.length === 0 ? '<p>No moles saved.</p>' : sections.join('\n')}
</body></html>
`;
}
