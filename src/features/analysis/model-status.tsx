import { Icon } from '../../components/icon';
import type { BackendName } from './analysis-types';

export type ModelState = 'loading' | 'ready' | 'error';

/** "Preparing…" / "Ready" / "Could not load", with the offline state beside it once everything is cached. */
export function ModelStatus({ state, backend }: { state: ModelState; backend?: BackendName | undefined }) {
  const text = {
    loading: 'Preparing the checker on this device…',
    ready: 'Ready — photos are checked on this device and never uploaded',
    error: 'The checker could not load. Check your connection, then reload the page.',
  }[state];
  return (
    <p
      className={`model-status model-status--${state}`}
      data-testid="model-status"
      data-state={state}
      role="status"
    >
      <Icon name={state === 'error' ? 'alert' : state === 'ready' ? 'check' : 'info'} size={20} />
      <span>{text}</span>
      {backend && state === 'ready' && <span className="visually-hidden"> (engine: {backend})</span>}
    </p>
  );
}
