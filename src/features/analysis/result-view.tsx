import type { ReactNode } from 'react';
import { Icon } from '../../components/icon';
import type { ModelMetadata } from '../../shared/model/model-metadata';
import { AbcdeSigns } from './abcde-signs';
import type { AnalysisResult, BackendName } from './analysis-types';
import { ProbabilityBar } from './probability-bar';
import { errorRateLine, NOT_ASSESSED_COPY, RISK_COPY } from './risk-copy';
import { riskLevel } from './risk-level';
import './analysis.css';

const BACKEND_LABELS: Record<BackendName, string> = {
  webgl: 'WebGL',
  wasm: 'WebAssembly',
  cpu: 'JavaScript',
};

interface ResultViewProps {
  result: AnalysisResult;
  metadata: ModelMetadata;
  /** Extra actions from other features (e.g. "Save to my moles"), placed beside "Check another photo". */
  actions?: ReactNode;
  /** A picture of the analysed square, shown beside the verdict. */
  preview?: ReactNode;
  onRetake: () => void;
  onModelCard: () => void;
}

export function ResultView({ result, metadata, actions, preview, onRetake, onModelCard }: ResultViewProps) {
  const level = riskLevel(result.probability, metadata, result.guard);
  const withheld = result.guard.verdict === 'reject';
  const copy = withheld ? NOT_ASSESSED_COPY : RISK_COPY[level];
  // A turned-down photo has no answer whose error rate would mean anything.
  const errorRate = withheld ? undefined : errorRateLine(level, metadata.metrics.test);
  return (
    <div className="result">
      <section
        className={`risk risk--${level}`}
        data-testid="risk-level"
        data-risk={level}
        aria-live="polite"
      >
        <Icon name={copy.icon} size={40} />
        <div className="risk__text">
          <h2 className="risk__title">{copy.title}</h2>
          <p>{copy.summary}</p>
          {!withheld && (
            <p className="risk__record" data-testid="error-rate">
              {errorRate && <>{errorRate} </>}
              <button type="button" className="link-button" onClick={onModelCard}>
                How often it is wrong
              </button>
            </p>
          )}
        </div>
        {preview && <div className="risk__preview">{preview}</div>}
      </section>

      {/* Right under the verdict, not at the foot of the screen: most photos here are phone photos. */}
      {!withheld && (
        <p className="domain-note" data-testid="domain-note">
          <Icon name="info" size={20} />
          <span>
            <strong>Phone photo?</strong> The model learned from dermatoscope images (taken through a skin
            microscope). A photo taken without one is a different kind of picture, so give this answer less
            weight.
          </span>
        </p>
      )}

      {withheld && (
        <section className="guard-advice" aria-labelledby="guard-heading">
          <h2 id="guard-heading">Why it could not be assessed</h2>
          <ul>
            {result.guard.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </section>
      )}

      <section aria-label="Model estimate">
        <ProbabilityBar
          probability={result.probability}
          band={metadata.inconclusiveBand}
          withheld={withheld}
        />
      </section>

      <section aria-labelledby="next-heading">
        <h2 id="next-heading">What to do next</h2>
        <ul>
          {copy.next.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>

      <div className="result__actions">
        <button type="button" className="button button--primary" onClick={onRetake}>
          <Icon name="camera" />
          <span>Check another photo</span>
        </button>
        {actions}
      </div>

      <AbcdeSigns />

      <p className="result__engine" data-testid="result-backend" data-backend={result.backend}>
        Checked on this device in {Math.max(1, Math.round(result.ms))} ms ({BACKEND_LABELS[result.backend]}).
      </p>

      <p className="result__limits">
        This is a screening aid, not a medical opinion. The model learned from dermoscopic images (taken with
        a skin microscope); ordinary phone photos look different, so its answers on them are less reliable.{' '}
        <button type="button" className="link-button" onClick={onModelCard}>
          How the model was tested
        </button>
      </p>
    </div>
  );
}
