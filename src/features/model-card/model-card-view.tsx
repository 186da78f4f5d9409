import type {
  ClassLevels,
  LevelShares,
  ModelMetadata,
  OutOfDomainCheck,
  SplitMetrics,
} from '../../shared/model/model-metadata';
import { formatAuc, formatPercent, formatWithInterval } from './format-metric';
import { summariseImages } from './summarise-images';
import './model-card.css';

const BACKEND_NAMES: Record<string, string> = {
  webgl: 'WebGL (the graphics chip)',
  wasm: 'WebAssembly (the processor)',
  cpu: 'plain JavaScript (slowest fallback)',
};

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
    <table className="metrics">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Measure</th>
          <th scope="col">Result</th>
          <th scope="col">Meaning</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([name, value, meaning]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td>{value}</td>
            <td>{meaning}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Counts, as people read them ("38 of 63"), with the share. */
function levelCell(shares: LevelShares, level: 'high' | 'inconclusive' | 'low'): string {
  return `${Math.round(shares[level] * shares.n)} (${formatPercent(shares[level])})`;
}

/** What the app itself showed for the test photos: its three answers, per true class. */
function LevelsTable({ levels, n }: { levels: ClassLevels; n: number }) {
  const rows: Array<[string, LevelShares]> = [
    [`Needed a doctor (${levels.dangerous.n})`, levels.dangerous],
    [`Harmless (${levels.notDangerous.n})`, levels.notDangerous],
  ];
  return (
    <table className="metrics" data-testid="test-levels">
      <caption>What the app answered for the same {n} test photos</caption>
      <thead>
        <tr>
          <th scope="col">Mole</th>
          <th scope="col">Have it checked</th>
          <th scope="col">Inconclusive</th>
          <th scope="col">Low concern</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([name, shares]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td>{levelCell(shares, 'high')}</td>
            <td>{levelCell(shares, 'inconclusive')}</td>
            <td>{levelCell(shares, 'low')}</td>
          </tr>
        ))}
      </tbody>
    </table>
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
  const images = summariseImages(metadata.training.images);
  return (
    <div className="model-card">
      <section aria-labelledby="mc-data">
        <h2 id="mc-data">What it learned from</h2>
        <p>{metadata.training.description}</p>
        {images.length > 0 && (
          <ul>
            {images.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
        <p>
          Built on {metadata.baseModel.name} ({metadata.baseModel.licence}).
        </p>
      </section>

      <section aria-labelledby="mc-metrics">
        <h2 id="mc-metrics">How well it did</h2>
        {test ? (
          <>
            <MetricsTable
              caption={`Held-out test photos (${test.n}), never used for training or tuning, counted yes/no at ${formatPercent(test.threshold)}`}
              metrics={test}
            />
            <p>
              Accuracy {formatWithInterval(test.accuracy, test.ci95?.accuracy)}; {test.confusion.fn} of{' '}
              {test.confusion.tp + test.confusion.fn} moles that needed a doctor scored below{' '}
              {formatPercent(test.threshold)}.
            </p>
            {test.levels && <LevelsTable levels={test.levels} n={test.n} />}
          </>
        ) : (
          <p>No test measurements are recorded for this model version.</p>
        )}
        <p data-testid="answer-ranges">
          The app gives three answers: “Low concern” below {formatPercent(metadata.inconclusiveBand[0])},
          “Have it checked” from {formatPercent(metadata.inconclusiveBand[1])}, and “Inconclusive” in between.
          The yes/no figures above count {formatPercent(metadata.threshold)} or more as “needs a doctor” (the
          cut-off that flagged at least 90% of such moles among separate validation photos); it lies inside
          the inconclusive range, so it is how those figures are counted, not an answer the app gives.
        </p>
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
          <dt>Training recipe</dt>
          <dd>{metadata.training.recipe}</dd>
        </dl>
      </section>
    </div>
  );
}
