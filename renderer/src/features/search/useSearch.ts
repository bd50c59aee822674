import { useEffect, useRef, useState } from 'react';
import type { SearchResult } from '../../../../shared/domain/search';
import { call } from '../../api/client';

export type SearchState =
  | { status: 'idle' }
  | { status: 'searching'; previous?: SearchResult }
  /** `query`: the text this result answers (Enter must act on the results of the text shown). */
  | { status: 'done'; result: SearchResult; query: string }
  | { status: 'failed'; message: string };

/**
 * Search as you type, without a debounce: a keystroke's query is sent at once
 * when nothing is in flight. While one query is in flight, later keystrokes
 * only replace the one queued behind it, so fast typing never piles up stale
 * queries in the core, and the query sent next is always the latest. Only the
 * answer to the latest query is shown as done; an older answer arriving first
 * is shown as "still searching" (better than an empty panel).
 */
export function useSearch(query: string, limit = 20): SearchState {
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  const latest = useRef(0);
  const inFlight = useRef(false);
  const queued = useRef<{ query: string; sequence: number } | undefined>(undefined);

  useEffect(() => {
    const sequence = ++latest.current;
    if (query.trim() === '') {
      queued.current = undefined;
      setState({ status: 'idle' });
      return;
    }
    setState((previous) =>
      previous.status === 'searching' ? previous : { status: 'searching', previous: previous.status === 'done' ? previous.result : undefined },
    );
    const send = (text: string, asked: number): void => {
      inFlight.current = true;
      call('search.query', { query: text, limit })
        .then((result) => {
          if (asked === latest.current) setState({ status: 'done', result, query: text });
          else setState((current) => (current.status === 'searching' ? { status: 'searching', previous: result } : current));
        })
        .catch((error: unknown) => {
          if (asked === latest.current) setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
        })
        .finally(() => {
          inFlight.current = false;
          const next = queued.current;
          queued.current = undefined;
          if (next && next.sequence === latest.current) send(next.query, next.sequence);
        });
    };
    if (inFlight.current) queued.current = { query, sequence };
    else send(query, sequence);
  }, [query, limit]);
  return state;
}
