import type { ModelMetadata } from '../../shared/model/model-metadata';
import type { GuardOutcome } from './analysis-types';

export interface GuardInput {
  /** The square the model saw, 0..255 RGB floats, HWC, metadata.input.size on a side. */
  rgb: Float32Array;
  /** The network's 1280-wide feature vector for the same square. */
  features: Float32Array;
  metadata: ModelMetadata;
}

/**
 * The single place the app consults the quality/domain guard (src/shared/guard/). Until the guard's decision
 * function lands, every image is accepted.
 */
export function runGuard(_input: GuardInput): GuardOutcome {
  return { verdict: 'accept', reasons: [] };
}
