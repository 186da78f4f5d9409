import { readFileSync } from 'node:fs';

/** Teacher probabilities per train image (by content hash), written by teacher-targets.ts. */
export interface SoftTargets {
  teachers: string[];
  targets: Record<string, number>;
}

/** Reads and checks a soft-targets file; any problem is one plain sentence (the CLI turns it into usage). */
export function readSoftTargets(path: string): SoftTargets {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`cannot read soft targets ${path}: ${(e as Error).message}`);
  }
  const file = parsed as Partial<SoftTargets> | null;
  const ok =
    file !== null &&
    typeof file === 'object' &&
    Array.isArray(file.teachers) &&
    typeof file.targets === 'object' &&
    file.targets !== null &&
    Object.values(file.targets).every((p) => typeof p === 'number' && p >= 0 && p <= 1);
  if (!ok) throw new Error(`${path} is not a soft-targets file (teachers, targets with probabilities 0–1)`);
  return file as SoftTargets;
}

/**
 * Each image's training target: its label, or with soft targets (1 − weight)·label + weight·teacher probability.
 * Throws (naming the image) when the file has no target for one of them, e.g. a file made from other data.
 */
export function mixedTargets(
  images: readonly { sha256: string; relPath: string }[],
  labels: readonly (0 | 1)[],
  soft: SoftTargets | null,
  weight: number,
): number[] {
  return images.map((m, i) => {
    const label = labels[i]!;
    if (!soft) return label;
    const teacher = soft.targets[m.sha256];
    if (teacher === undefined) throw new Error(`the soft targets have no target for ${m.relPath}`);
    return (1 - weight) * label + weight * teacher;
  });
}
