import { useEffect, useRef, useState } from 'react';
import type { SearchResult } from '../../../../shared/domain/search';
import { call } from '../../api/client';

export type SearchState =
  | { status: 'idle' }
  | { status: 'searching'; previous?: SearchResult }
  | { status: 'done'; result: SearchResult }
  | { status: 'failed'; message: string };

/**
 * Search as you type: every keystroke sends the query at once (the core
 * answers in milliseconds) and only the answer to the latest query is shown,
 * so a slow early answer never overwrites a later one.
 */
export function useSearch(query: string, limit = 20): SearchState {
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  const latest = useRef(0);
  useEffect(() => {
    const sequence = ++latest.current;
    if (query.trim() === '') {
      setState({ status: 'idle' });
      return;
    }
    setState((previous) => ({ status: 'searching', previous: previous.status === 'done' ? previous.result : previous.status === 'searching' ? previous.previous : undefined }));
    call('search.query', { query, limit })
      .then((result) => {
        if (sequence === latest.current) setState({ status: 'done', result });
      })
      .catch((error: unknown) => {
        if (sequence === latest.current) setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
      });
  }, [query, limit]);
  return state;
}
