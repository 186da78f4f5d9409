import { useCallback, useEffect, useState } from 'react';
import type { ScreenName } from './screens';

/**
 * The current screen, kept in the browser history so the phone's back button steps back through the flow
 * instead of leaving the app. Only the screen name is stored; the photo stays in memory, never in the URL.
 */
export function useScreen(): [ScreenName, (next: ScreenName) => void] {
  const [screen, setScreen] = useState<ScreenName>('home');

  useEffect(() => {
    history.replaceState({ screen: 'home' }, '');
    const onPop = (event: PopStateEvent) => {
      const name = (event.state as { screen?: ScreenName } | null)?.screen;
      setScreen(name ?? 'home');
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const navigate = useCallback((next: ScreenName) => {
    if (next === 'home') history.replaceState({ screen: 'home' }, '');
    else history.pushState({ screen: next }, '');
    setScreen(next);
  }, []);

  return [screen, navigate];
}
