import { useCallback, useEffect, useRef, useState } from 'react';
import type { ScreenName } from './screens';

interface EntryState {
  screen?: ScreenName;
  /** The app's first entry: home. Everything the app pushes sits above it. */
  root?: boolean;
}

/**
 * The current screen, kept in the browser history so the phone's back button steps back through the flow
 * instead of leaving the app. Only the screen name is stored; the photo stays in memory, never in the URL.
 * Going home steps the history back to the root entry rather than adding one, so Back from home leaves the app
 * instead of replaying the screens of earlier photos.
 */
export function useScreen(): [ScreenName, (next: ScreenName) => void] {
  const [screen, setScreen] = useState<ScreenName>('home');
  /** Set while stepping back to the root; `then` is a screen asked for meanwhile, pushed once there. */
  const unwinding = useRef<{ then: ScreenName | null } | null>(null);

  useEffect(() => {
    history.replaceState({ screen: 'home', root: true } satisfies EntryState, '');
    const onPop = (event: PopStateEvent) => {
      const state = event.state as EntryState | null;
      const unwind = unwinding.current;
      if (unwind) {
        // Entries above the root may come from other features (e.g. My moles' own views): skip them all.
        if (!state?.root) {
          history.back();
          return;
        }
        unwinding.current = null;
        if (unwind.then) history.pushState({ screen: unwind.then } satisfies EntryState, '');
        return;
      }
      setScreen(state?.screen ?? 'home');
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const navigate = useCallback((next: ScreenName) => {
    setScreen(next);
    if (unwinding.current) {
      unwinding.current.then = next === 'home' ? null : next;
      return;
    }
    if (next !== 'home') {
      history.pushState({ screen: next } satisfies EntryState, '');
      return;
    }
    if ((history.state as EntryState | null)?.root) return;
    unwinding.current = { then: null };
    history.back();
  }, []);

  return [screen, navigate];
}
