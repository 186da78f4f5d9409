import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelMetadata } from '../../../src/shared/model/model-metadata';

/** metadata.json beside model.json, with the fields evaluation relies on checked so a wrong folder fails clearly. */
export function readModelMetadata(modelDir: string): ModelMetadata {
  const path = join(modelDir, 'metadata.json');
  let metadata: ModelMetadata;
  try {
    metadata = JSON.parse(readFileSync(path, 'utf8')) as ModelMetadata;
  } catch (error) {
    throw new Error(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const problems: string[] = [];
  if (!metadata.input || !(metadata.input.size > 0) || !(metadata.input.std > 0)) problems.push('input');
  if (!metadata.outputs?.logit) problems.push('outputs.logit');
  if (!metadata.calibration || typeof metadata.calibration.a !== 'number') problems.push('calibration');
  if (typeof metadata.threshold !== 'number') problems.push('threshold');
  if (problems.length) throw new Error(`${path} lacks or has invalid: ${problems.join(', ')}`);
  return metadata;
}
