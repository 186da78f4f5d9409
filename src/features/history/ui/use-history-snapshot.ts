import { useCallback, useEffect, useState } from 'react';
import type { HistoryError } from '../store/history-error';
import { historyDb } from '../store/history-db-instance';
import type { HistoryDb } from '../store/open-history-db';
import { readHistory, type HistorySnapshot } from '../transfer/read-history';
import { onHistoryChanged } from './history-events';

export type HistoryState =
  | { status: 'loading' }
  | { status: 'error'; error: HistoryError }
  | { status: 'ready'; db: HistoryDb; snapshot: HistorySnapshot };

/** The whole history (small: a person has tens of moles), reloaded whenever it changes. */
export function useHistorySnapshot(): HistoryState {
  const [state, setState] = useState<HistoryState>({ status: 'loading' });
  const load = useCallback(async () => {
    const opened = await historyDb();
    if (!opened.ok) return setState({ status: 'error', error: opened.error });
    const read = await readHistory(opened.value);
    if (!read.ok) return setState({ status: 'error', error: read.error });
    setState({ status: 'ready', db: opened.value, snapshot: read.value });
  }, []);
  useEffect(() => {
    let live = true;
    const reload = () => {
      if (live) void load();
    };
    reload();
    const unsubscribe = onHistoryChanged(reload);
    return () => {
      live = false;
      unsubscribe();
    };
  }, [load]);
  return state;
}
