import { useId } from 'react';
import type {
  ClassLevels,
  LevelShares,
  ModelMetadata,
  OutOfDomainCheck,
  SplitMetrics,
} from '../../shared/model/model-metadata';
import { shownScale } from '../../shared/model/shown-estimate';
import { formatAuc, formatPercent, formatWithInterval } from './format-metric';
import { describeImagesPlainly, summariseImages } from './summarise-images';
import './model-card.css';

const BACKEND_NAMES: Record<string, string> = {
  webgl: 'WebGL (the graphics chip)',
  wasm: 'WebAssembly (the processor)',
  cpu: 'plain JavaScript (slowest fallback)',
};

interface TableProps {
  caption: string;
  /** The row-header column's name, then one name per value column. */
  columns: [string, ...string[]];
  /** Each row: its header, then one value per value column. */
  rows: Array<[string, ...string[]]>;
  /** Room for the column names beside the values once stacked: 'short' for one-word names. */
  labels?: 'short' | 'long';
  testId?: string;
  describedBy?: string;
}

/**
 * A table that never widens the page. On a narrow screen the CSS stacks each row under its header with the
 * column names beside the values (from data-label); the explicit roles keep it a table for screen readers,
 * which some browsers stop exposing once table parts are display: block. If it still cannot fit (very large
 * text), it scrolls sideways inside its own box, focusable and named by the caption.
 */
function ResponsiveTable({ caption, columns, rows, labels = 'long', testId, describedBy }: TableProps) {
  const captionId = useId();
  const [rowHeaderName, ...valueNames] = columns;
  return (
    <div className="model-card__scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table
        className={`metrics metrics--${labels}-labels`}
        role="table"
        aria-labelledby={captionId}
        aria-describedby={describedBy}
        data-testid={testId}
      >
        <caption id={captionId}>{caption}</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">
              {rowHeaderName}
            </th>
            {valueNames.map((name) => (
              <th key={name} scope="col" role="columnheader">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {rows.map(([header, ...values]) => (
            <tr key={header} role="row">
              <th scope="row" role="rowheader">
                {header}
              </th>
              {values.map((value, i) => (
                <td key={valueNames[i]} role="cell" data-label={valueNames[i]}>
                  {value}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MetricsTable({ caption, metrics }: { caption: string; metrics: SplitMetrics }) {
  const ci = metrics.ci95 ?? {};
  const rows: Array<[string, string, string]> = [
    [
      'Sensitivity',
      formatWithInterval(metrics.sensitivity, ci.sensitivity),
      'of moles that needed a doctor were flagged',
    ],
    [
      'Specificity',
      formatWithInterval(metrics.specificity, ci.specificity),
      'of harmless moles were not flagged',
    ],
    [
      'Balanced accuracy',
      formatWithInterval(metrics.balancedAccuracy, ci.balancedAccuracy),
      'average of the two',
    ],
    ['AUC', formatAuc(metrics.auc, ci.auc), '0.5 is guessing, 1.0 is perfect'],
  ];
  return (
    <ResponsiveTable
      caption={caption}
      columns={['Measure', 'Result', 'Meaning']}
      rows={rows}
      labels="short"
    />
  );
}

/** Counts, as people read them ("38 of 63"), with the share. */
function levelCell(shares: LevelShares, level: 'high' | 'inconclusive' | 'low'): string {
  return `${Math.round(shares[level] * shares.n)} (${formatPercent(shares[level])})`;
}

/** What the app itself showed for the test photos: its three answers, per true class. */
function LevelsTable({ levels, n }: { levels: ClassLevels; n: number }) {
  const rows = (
    [
      [`Needed a doctor (${levels.dangerous.n})`, levels.dangerous],
      [`Harmless (${levels.notDangerous.n})`, levels.notDangerous],
    ] as const
  ).map(([name, shares]): [string, string, string, string] => [
    name,
    levelCell(shares, 'high'),
    levelCell(shares, 'inconclusive'),
    levelCell(shares, 'low'),
  ]);
  const noteId = useId();
  return (
    <>
      <ResponsiveTable
        caption={`What the app answered for the same ${n} test photos`}
        columns={['Mole', 'Have it checked', 'Inconclusive', 'Low concern']}
        rows={rows}
        testId="test-levels"
        describedBy={noteId}
      />
      {/* The counts come from one run in Node (wasm); a few test photos lie within ~0.001 of a band edge. */}
      <p className="model-card__note" id={noteId} data-testid="test-levels-note">
        These counts were worked out once, when the model was made; a photo lying right at the boundary
        between two answers can land on the other side on another phone or computer.
      </p>
    </>
  );
}

/** Plain words for the ISIC figures: what a person elsewhere would have been told about a melanoma. */
function OutOfDomainNote({ check, testAuc }: { check: OutOfDomainCheck; testAuc: number | undefined }) {
  return (
    <p data-testid="out-of-domain">
      On {check.melanoma.n} melanomas photographed at other clinics ({check.dataset}), it said “Low concern”
      for {formatPercent(check.melanoma.low)}, was unsure for {formatPercent(check.melanoma.inconclusive)} and
      said “Have it checked” for {formatPercent(check.melanoma.high)}. Telling those melanomas from{' '}
      {check.benign.n} benign lesions: AUC {formatAuc(check.auc, check.aucCi95)}
      {testAuc !== undefined && check.auc < testAuc
        ? ', weaker than on photos like the ones it learned from.'
        : '.'}{' '}
      It also said “Have it checked” for {formatPercent(check.benign.high)} of those benign lesions.
    </p>
  );
}

/** What the model learned from, how well it did on photos it never saw, and where it should not be trusted. */
export function ModelCardView({
  metadata,
  backend,
}: {
  metadata: ModelMetadata;
  backend?: string | undefined;
}) {
  const test = metadata.metrics.test;
  // The edges as the result screen's scale shows them, so the two screens never disagree by a rounding.
  const scale = shownScale(metadata.inconclusiveBand);
  const images = describeImagesPlainly(metadata.training.images);
  const rawImages = summariseImages(metadata.training.images);
  // "MobileNetV2 1.0 224 (ImageNet, …)" → "MobileNetV2 1.0 224"; the full name is in the technical details.
  const baseName = metadata.baseModel.name.split(' (')[0];
  return (
    <div className="model-card">
      <section aria-labelledby="mc-data">
        <h2 id="mc-data">What it learned from</h2>
        <p>
          Close-up photos of moles taken through a skin microscope (dermatoscope), each marked as a mole that
          needed a doctor or a harmless one. They were split into three groups, and no photo was in two:
        </p>
        {images.length > 0 && (
          <ul>
            {images.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
        <p>
          It started from {baseName}, a general-purpose picture-recognition network (
          {metadata.baseModel.licence} licence), which was then trained further on these photos.
        </p>
        <details className="model-card__details">
          <summary>Technical details (for developers)</summary>
          <dl>
            <dt>Training data</dt>
            <dd data-testid="training-description">{metadata.training.description}</dd>
            <dt>Images per split</dt>
            <dd>
              <ul>
                {rawImages.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </dd>
            <dt>Base model</dt>
            <dd>
              {metadata.baseModel.name} ({metadata.baseModel.licence}), from {metadata.baseModel.source}
            </dd>
            <dt>Training recipe</dt>
            <dd data-testid="training-recipe">{metadata.training.recipe}</dd>
          </dl>
        </details>
      </section>

      <section aria-labelledby="mc-metrics">
        <h2 id="mc-metrics" tabIndex={-1}>
          How well it did
        </h2>
        {/* The app's own three answers first: the yes/no figures count at a cut-off no screen shows. */}
        <p data-testid="answer-ranges">
          The app gives three answers: “Low concern” below {scale.low}%, “Have it checked” from {scale.high}%,
          and “Inconclusive” in between.
        </p>
        {test ? (
          <>
            {test.levels && <LevelsTable levels={test.levels} n={test.n} />}
            <p>
              For comparison with other tests, the same photos counted yes/no:{' '}
              {formatPercent(metadata.threshold)} or more counts as “needs a doctor” ({cutOffOrigin(metadata)}
              ). It lies inside the inconclusive range, so it is how these figures are counted, not an answer
              the app gives.
            </p>
            <MetricsTable
              caption={`Held-out test photos (${test.n}), never used for training or tuning, counted yes/no at ${formatPercent(test.threshold)}`}
              metrics={test}
            />
            <p>
              Accuracy {formatWithInterval(test.accuracy, test.ci95?.accuracy)}; {test.confusion.fn} of{' '}
              {test.confusion.tp + test.confusion.fn} moles that needed a doctor scored below{' '}
              {formatPercent(test.threshold)}.
            </p>
          </>
        ) : (
          <p>No test measurements are recorded for this model version.</p>
        )}
        {metadata.outOfDomain && <OutOfDomainNote check={metadata.outOfDomain} testAuc={test?.auc} />}
      </section>

      <section aria-labelledby="mc-limits">
        <h2 id="mc-limits">Known limits</h2>
        <ul>
          <li>It is a screening aid, not a medical opinion; only a doctor can say what a mole is.</li>
          <li>
            It learned from dermoscopic images (taken through a skin microscope with even light). Ordinary
            phone photos look different, so its answers on them are less reliable.
          </li>
          <li>
            The training photos held as many worrying moles as harmless ones; in everyday life worrying moles
            are far rarer, so most “Have it checked” answers will turn out harmless.
          </li>
          <li>Most training labels came from a clinic’s assessment, not from a biopsy.</li>
          <li>It was not tested separately on every skin tone, age or body site.</li>
        </ul>
      </section>

      <section aria-labelledby="mc-version">
        <h2 id="mc-version">Version</h2>
        <dl className="model-card__facts">
          <dt>Model</dt>
          <dd>
            {metadata.name} {metadata.version}
          </dd>
          <dt>Created</dt>
          <dd>{metadata.createdAt}</dd>
          <dt>Runs on</dt>
          <dd data-testid="backend" data-backend={backend}>
            {backend ? (BACKEND_NAMES[backend] ?? backend) : 'not loaded yet'}
          </dd>
        </dl>
      </section>
    </div>
  );
}

/** How the yes/no cut-off was found, in the validation split's own measured counts (training chose it there). */
function cutOffOrigin(metadata: ModelMetadata): string {
  const valid = metadata.metrics.valid;
  if (!valid) return 'chosen on separate validation photos';
  const { tp, fn } = valid.confusion;
  return `the cut-off that flagged ${tp} of the ${tp + fn} such moles among ${valid.n} separate validation photos`;
}
