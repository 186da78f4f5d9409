import { createHash } from 'node:crypto';
import type { GraphModelArtifacts } from '../graph-model/build-graph-model';

/** sha256 over a graph model's topology and weight bytes: same hash ⇔ same function of the input. */
export function modelHash(artifacts: GraphModelArtifacts): string {
  return createHash('sha256')
    .update(JSON.stringify(artifacts.modelTopology))
    .update(JSON.stringify(artifacts.weightSpecs))
    .update(artifacts.weightData)
    .digest('hex');
}
