import { useCallback, useEffect, useState } from 'react';

const KEY = 'historyView';

/**
 * A view inside the "My moles" screen kept in the browser history, so the phone's back button steps from a
 * comparison to the timeline to the list before it leaves the screen. The app's own entry is kept as it is
 * (spread, not rewritten): the app reads its screen from the same state object.
 */
export function useViewHistory<V>(initial: V): [V, (next: V) => void, (next: V) => void] {
  const [view, setView] = useState<V>(() => (history.state?.[KEY] as V | undefined) ?? initial);

  useEffect(() => {
    const onPop = (event: PopStateEvent) => {
      setView(((event.state as Record<string, unknown> | null)?.[KEY] as V | undefined) ?? initial);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
    // `initial` is a fallback only; a new object each render must not re-subscribe.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const push = useCallback((next: V) => {
    history.pushState({ ...(history.state as object | null), [KEY]: next }, '');
    setView(next);
  }, []);

  /** For moves that should not be stepped back into (e.g. the timeline of a mole just deleted). */
  const replace = useCallback((next: V) => {
    history.replaceState({ ...(history.state as object | null), [KEY]: next }, '');
    setView(next);
  }, []);

  return [view, push, replace];
}
