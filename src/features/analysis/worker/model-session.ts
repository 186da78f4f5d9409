import type { GraphModel } from '@tensorflow/tfjs-converter';
import type { ModelMetadata } from '../../../shared/model/model-metadata';
import type { BackendName } from '../analysis-types';
import { fetchMetadata, loadAndWarmUp } from './load-model';
import { backendCandidates } from './backend-candidates';
import { switchBackend, webglContextLost } from './select-backend';
import { hasSoftwareWebgl } from './webgl-renderer';

export interface Session {
  model: GraphModel;
  metadata: ModelMetadata;
  backend: BackendName;
}

/**
 * Owns the one loaded model for the worker's life. Tries backends fastest first (a remembered choice first) and
 * moves down the list when one fails to start, fails to run the model, or loses its WebGL context.
 */
export class ModelSession {
  private current: Session | null = null;
  private metadata: ModelMetadata | null = null;
  private failed: BackendName[] = [];

  constructor(
    private readonly modelBaseUrl: string,
    private readonly preferred?: BackendName,
  ) {}

  async open(): Promise<Session> {
    if (this.current && !webglContextLost()) return this.current;
    if (this.current) this.markFailed();
    this.metadata ??= await fetchMetadata(this.modelBaseUrl);
    const metadata = this.metadata;
    let lastError: unknown = new Error('No tfjs backend could start.');
    for (const backend of backendCandidates(this.preferred, this.failed, hasSoftwareWebgl())) {
      if (!(await switchBackend(backend))) {
        this.failed.push(backend);
        continue;
      }
      try {
        const model = await loadAndWarmUp(this.modelBaseUrl, metadata);
        this.current = { model, metadata, backend };
        return this.current;
      } catch (error) {
        lastError = error;
        this.failed.push(backend);
      }
    }
    // Everything failed (often: offline before the model was ever cached). Forget the failures so that a later
    // retry, e.g. once the connection is back, tries every backend again.
    this.failed = [];
    throw lastError;
  }

  /** Gives up on the current backend (after a failure mid-analysis); the next open() uses the next one. */
  markFailed(): void {
    if (!this.current) return;
    this.failed.push(this.current.backend);
    try {
      this.current.model.dispose();
    } catch {
      // A lost WebGL context cannot free its textures; they went with the context.
    }
    this.current = null;
  }
}
