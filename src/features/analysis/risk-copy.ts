import type { IconName } from '../../components/icon';
import type { SplitMetrics } from '../../shared/model/model-metadata';
import type { RiskLevel } from '../../shared/model/risk-level';

export interface VerdictCopy {
  title: string;
  icon: IconName;
  summary: string;
  next: string[];
}

/** What each level says. Plain words, no "diagnosis": the app screens, a doctor diagnoses. */
export const RISK_COPY: Record<RiskLevel, VerdictCopy> = {
  low: {
    title: 'Low concern',
    icon: 'check',
    summary: 'This photo does not show the patterns the model links with moles that need a doctor’s look.',
    next: [
      'Keep an eye on it: check again in a few months, or sooner if it changes.',
      'See a doctor anyway if it grows, changes shape or colour, itches, bleeds, or simply worries you.',
    ],
  },
  inconclusive: {
    title: 'Inconclusive — retake or have it checked',
    icon: 'question',
    summary: 'The model cannot give a clear answer for this photo.',
    next: [
      'Retake the photo in good daylight, close up and in focus, with the mole in the middle of the square.',
      'If you get this answer again, or the mole worries you, have it checked by a doctor.',
    ],
  },
  high: {
    title: 'Have it checked by a doctor',
    icon: 'alert',
    summary: 'This photo shows patterns the model links with moles that should be looked at by a doctor.',
    next: [
      'Make an appointment with your doctor or a dermatologist in the next few weeks.',
      'Take this app’s answer as a reason to go, not as a result: most moles checked this way turn out harmless.',
    ],
  },
};

/**
 * A photo the photo check turned down (a cat, a blurred or dark photo). Its level is still "inconclusive" for the
 * history and the tests, but the model's answer was never looked at, so the title says the photo was not
 * assessed rather than suggest the mole is borderline.
 */
export const NOT_ASSESSED_COPY: VerdictCopy = {
  title: 'Photo not assessed — please retake it',
  icon: 'camera',
  summary:
    'The photo check found a problem with this photo, so the model gave no answer. It says nothing about the mole.',
  next: [
    'Retake the photo in good daylight, close up and in focus, with the mole in the middle of the square and only skin around it.',
    'If the mole worries you, have it checked by a doctor, whatever the app says.',
  ],
};

const NEVER_SEEN = 'in a test on photos it had never seen';

/** "1 of 63", from a share of a group as metadata.json records it. */
const outOf = (share: number, n: number) => `${Math.round(share * n)} of ${n}`;

/**
 * One sentence beside the verdict on how often the model gets this answer wrong, from the held-out test split in
 * metadata.json (never from figures in code). Undefined when the metadata records no test measurements.
 */
export function errorRateLine(level: RiskLevel, test: SplitMetrics | undefined): string | undefined {
  if (!test) return undefined;
  const levels = test.levels;
  if (!levels) {
    // Older metadata: only the yes/no counts at the threshold.
    const { tp, fp, tn, fn } = test.confusion;
    return `It can be wrong: ${NEVER_SEEN}, it missed ${fn} of ${tp + fn} moles that needed a doctor and flagged ${fp} of ${fp + tn} harmless ones.`;
  }
  const { dangerous, notDangerous } = levels;
  switch (level) {
    case 'low':
      return `It can be wrong: ${NEVER_SEEN}, it called ${outOf(dangerous.low, dangerous.n)} moles that needed a doctor “Low concern”.`;
    case 'high':
      return `It can be wrong: ${NEVER_SEEN}, it said “Have it checked” for ${outOf(notDangerous.high, notDangerous.n)} harmless moles.`;
    case 'inconclusive':
      return `In a test on photos it had never seen, it gave this answer for ${outOf(dangerous.inconclusive, dangerous.n)} moles that needed a doctor and ${outOf(notDangerous.inconclusive, notDangerous.n)} harmless ones.`;
  }
}
