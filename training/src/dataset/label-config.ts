import { readFileSync } from 'node:fs';
import type { ClassLabel } from '../../../src/shared/model/model-metadata';

/**
 * Which folder names mean which class, and which mean a split. Names are compared after `normaliseName`, so
 * "not_Dangerous", "Not Dangerous" and "not-dangerous" are one name. A config file is JSON of this shape; any key
 * left out keeps its default.
 */
export interface LabelConfig {
  classes: Record<ClassLabel, string[]>;
  splits: { train: string[]; valid: string[]; test: string[] };
}

export const DEFAULT_LABEL_CONFIG: LabelConfig = {
  classes: { dangerous: ['dangerous'], not_dangerous: ['not dangerous'] },
  splits: { train: ['train', 'training'], valid: ['valid', 'validation', 'val'], test: ['test', 'testing'] },
};

export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[\s_\-.]+/g, '');
}

/** A label config file, or an Error saying in plain words what is wrong with it. */
export function loadLabelConfig(path: string): LabelConfig {
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new Error(
      code === 'ENOENT' ? `${path} does not exist` : `cannot read ${path} (${code ?? String(error)})`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error(`${path} is not valid JSON`);
  }
  const shape = `a label config is {"classes": {"dangerous": [...], "not_dangerous": [...]}, "splits": {...}}`;
  if (!isRecord(raw)) throw new Error(`${path} is not a label config (${shape})`);
  for (const [key, allowed] of [
    ['classes', Object.keys(DEFAULT_LABEL_CONFIG.classes)],
    ['splits', Object.keys(DEFAULT_LABEL_CONFIG.splits)],
  ] as const) {
    const part = raw[key];
    if (part === undefined) continue;
    if (!isRecord(part)) throw new Error(`${path}: "${key}" must be an object (${shape})`);
    const unknown = Object.keys(part).filter((k) => !allowed.includes(k));
    if (unknown.length)
      throw new Error(
        `${path}: unknown ${key} ${unknown.map((k) => `"${k}"`).join(', ')} (known: ${allowed.join(', ')})`,
      );
  }
  const given = raw as Partial<LabelConfig>;
  const config: LabelConfig = {
    classes: { ...DEFAULT_LABEL_CONFIG.classes, ...given.classes },
    splits: { ...DEFAULT_LABEL_CONFIG.splits, ...given.splits },
  };
  for (const list of [...Object.values(config.classes), ...Object.values(config.splits)]) {
    if (!Array.isArray(list) || list.some((n) => typeof n !== 'string')) {
      throw new Error(`${path}: every class and split entry must be a list of folder names`);
    }
  }
  return config;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export type SplitName = 'train' | 'valid' | 'test';

/** Lookup tables from a normalised folder name to its class or split. */
export function labelLookup(config: LabelConfig) {
  const classOf = new Map<string, ClassLabel>();
  for (const [label, names] of Object.entries(config.classes) as [ClassLabel, string[]][]) {
    for (const n of names) classOf.set(normaliseName(n), label);
  }
  const splitOf = new Map<string, SplitName>();
  for (const [split, names] of Object.entries(config.splits) as [SplitName, string[]][]) {
    for (const n of names) splitOf.set(normaliseName(n), split);
  }
  return { classOf, splitOf };
}
