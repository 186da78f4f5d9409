import type { IconName } from '../../components/icon';
import type { RiskLevel } from '../../shared/model/risk-level';

/** What each level says. Plain words, no "diagnosis": the app screens, a doctor diagnoses. */
export const RISK_COPY: Record<
  RiskLevel,
  { title: string; icon: IconName; summary: string; next: string[] }
> = {
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
