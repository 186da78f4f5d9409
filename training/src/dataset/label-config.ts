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

export function loadLabelConfig(path: string): LabelConfig {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Partial<LabelConfig>;
  const config: LabelConfig = {
    classes: { ...DEFAULT_LABEL_CONFIG.classes, ...raw.classes },
    splits: { ...DEFAULT_LABEL_CONFIG.splits, ...raw.splits },
  };
  for (const list of [...Object.values(config.classes), ...Object.values(config.splits)]) {
    if (!Array.isArray(list) || list.some((n) => typeof n !== 'string')) {
      throw new Error(`${path}: every class and split entry must be a list of folder names`);
    }
  }
  return config;
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
