/**
 * The quality and domain guard: decides whether a photo is fit for the model's verdict, and if not, says how
 * to retake it. Pure functions (no DOM, no tfjs): the app's inference worker and Node scripts share them.
 *
 * Use in the worker, per photo (imports: ./assess-quality, ./assess-domain, this file):
 *   const rgb = cropResizeRgb(image, crop, metadata.input.size);          // 0..255 RGB, HWC
 *   const quality = assessQuality(rgb, metadata.input.size);              // BEFORE normalise (in place)
 *   const input = normalise(rgb, metadata.input);
 *   const { features, logit } = run the model on `input`;
 *   const domain = metadata.guard ? assessDomain(features, metadata.guard) : undefined;
 *   const verdict = assessImage(quality, domain);
 *   // verdict.ok === false → show "Photo not assessed — please retake it" with verdict.advice
 *   // (one sentence per problem, main problem first), whatever the probability says.
 *
 * Problems: 'not-skin' | 'too-dark' | 'overexposed' | 'low-contrast' | 'blurred' (see guard-problem.ts).
 * Thresholds: quality-thresholds.ts (fixed, calibrated in training); domain: metadata.json `guard`, refitted by
 * the export stage from the shipped model's own features (training/src/guard/fit-domain-guard.ts).
 */
import type { DomainAssessment } from './assess-domain';
import type { QualityAssessment } from './assess-quality';
import { guardProblems, type GuardProblem } from './guard-problem';
import { retakeAdvice } from './retake-advice';

export interface GuardVerdict {
  ok: boolean;
  /** Unique, main problem first. */
  problems: GuardProblem[];
  /** One plain-language sentence per problem, same order. */
  advice: string[];
  quality: QualityAssessment;
  domain?: DomainAssessment;
}

export function assessImage(quality: QualityAssessment, domain?: DomainAssessment): GuardVerdict {
  const found = new Set<GuardProblem>(quality.problems);
  // Darkness and blur push even a real mole photo far off-domain in feature space (measured: most such seed
  // images), so there the photographic advice alone is the useful one. Glare and flatness do not (most
  // overexposed seed images stay in-domain), so an off-domain bright image — typically a screenshot or a
  // white page — is also called not skin, first.
  const explained = found.has('too-dark') || found.has('blurred');
  if (domain && !domain.inDomain && !explained) found.add('not-skin');
  const problems = guardProblems.filter((p) => found.has(p));
  return {
    ok: problems.length === 0,
    problems,
    advice: problems.map((p) => retakeAdvice[p]),
    quality,
    ...(domain ? { domain } : {}),
  };
}
