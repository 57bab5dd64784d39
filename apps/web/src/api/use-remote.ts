import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbort } from './graphql';

export interface Remote<T> {
  /** The latest answer; kept while a newer request runs, so a page does not flash empty. */
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** The answer (or error) shown is the one for the current key: nothing older, nothing running. */
  settled: boolean;
  retry(): void;
}

/**
 * Loads whatever `key` names (null: nothing). A new key cancels the request for the old one, so
 * a fast typist never sees an older answer overwrite a newer one.
 */
export function useRemote<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): Remote<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean; key?: string | null }>({ loading: key !== null });
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    setState((s) => ({ data: s.data, loading: true }));
    loadRef.current(controller.signal).then(
      (data) => setState({ data, loading: false, key }),
      (error: unknown) => {
        if (!isAbort(error) && !controller.signal.aborted) setState((s) => ({ data: s.data, error, loading: false, key }));
      },
    );
    return () => controller.abort();
  }, [key, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, settled: !state.loading && state.key === key, retry };
}
