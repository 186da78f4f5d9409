import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelMetadata } from '../../../src/shared/model/model-metadata';

/** metadata.json beside model.json, with the fields evaluation relies on checked so a wrong folder fails clearly. */
export function readModelMetadata(modelDir: string): ModelMetadata {
  const path = join(modelDir, 'metadata.json');
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new Error(code === 'ENOENT' ? `${path} does not exist` : `cannot read ${path} (${code ?? error})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${path} is not valid JSON`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error(
      `${path} is not a model description (expected an object with input, outputs, calibration …)`,
    );
  const metadata = parsed as Partial<ModelMetadata>;
  const problems: string[] = [];
  if (!isObject(metadata.input) || !(metadata.input.size > 0) || !(metadata.input.std > 0))
    problems.push('input');
  if (!isObject(metadata.outputs) || typeof metadata.outputs.logit !== 'string')
    problems.push('outputs.logit');
  if (!isObject(metadata.calibration) || typeof metadata.calibration.a !== 'number')
    problems.push('calibration');
  if (typeof metadata.threshold !== 'number') problems.push('threshold');
  if (problems.length)
    throw new Error(
      `${path} is not a usable model description: it lacks or has invalid ${problems.join(', ')}`,
    );
  return metadata as ModelMetadata;
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}
