import type { GuardProblem } from './guard-problem';

/** Plain-language advice for each problem, for people with no technical or medical training. */
export const retakeAdvice: Readonly<Record<GuardProblem, string>> = {
  'not-skin':
    'This does not look like a close-up of skin. Fill the frame with the mole and the skin around it, with nothing else in view.',
  'too-dark':
    'The photo is too dark. Move to a brighter place or turn on a light, and avoid your own shadow.',
  overexposed:
    'The photo is too bright or has a strong glare. Avoid direct sunlight and the flash; try soft daylight from the side.',
  'low-contrast':
    'The photo shows too little detail to assess. Clean the lens, move closer to the mole and make sure it is in view.',
  blurred:
    'The photo is blurred. Hold the phone steady, tap the mole on screen to focus, and do not move closer than the camera can focus.',
};
