import type { AnalysedCheck } from './analysed-check';

/**
 * Extension point for the history feature (issue 4): the "Save" action on the result screen. It receives the
 * finished check; replace the body with the history feature's save button.
 */
export function SaveCheckAction(_props: { check: AnalysedCheck }) {
  return null;
}

/** Extension point for the history feature's "My moles" screen (screen name 'my-moles'). */
export function MyMolesScreen(_props: { onBack: () => void }) {
  return null;
}
