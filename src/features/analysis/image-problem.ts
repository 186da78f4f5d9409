/** Everything that can go wrong between "the user picked a file" and "a result is shown". */
export type ImageProblem =
  | 'empty-file'
  | 'not-an-image'
  | 'unsupported-format'
  | 'too-large'
  | 'too-small'
  | 'see-through'
  | 'decode-failed'
  | 'model-unavailable'
  | 'analysis-failed';

const MESSAGES: Record<ImageProblem, string> = {
  'empty-file': 'That file is empty (0 bytes). Please choose the photo again.',
  'not-an-image': 'That file is not a photo we can read. Please choose a JPEG, PNG, WebP or BMP image.',
  'unsupported-format':
    'This photo format cannot be opened here. Please choose a JPEG, PNG, WebP or BMP image, or take a new photo.',
  // The limits of image-size-limits.ts; phone photos up to 200 MP are scaled down, not refused.
  'too-large':
    'That image is too large to open (over 250 megapixels or 30,000 pixels on a side). Please choose a smaller photo.',
  'too-small': 'That image is too small to see the mole. Please take a closer, sharper photo.',
  'see-through':
    'That image is largely see-through, like a cut-out or a graphic, not a photo from a camera. Please choose the original photo of the skin.',
  'decode-failed':
    'That photo could not be opened — the file may be damaged or incomplete. Please try another photo.',
  'model-unavailable':
    'The checking model could not be loaded. Check your connection and reload the page; if it keeps happening, this browser may not be able to run it.',
  'analysis-failed': 'Something went wrong while looking at the photo. Please try again.',
};

export function describeProblem(problem: ImageProblem): string {
  return MESSAGES[problem];
}
