import type { PassageDetail } from '../../../../shared/domain/passage';
import { queryClient, queryKey } from '../../api/queries';
import { call } from '../../api/client';

/**
 * Passages as the note editor needs them (exact text, source, status), read
 * through the one query cache: shared by every quote of a passage, and
 * refetched when a change event says the passage moved (api/queries.ts).
 * A passage that does not exist (an unlinked quote) is null, not an error.
 */
const options = (id: number) => ({
  queryKey: queryKey('passages.get', { id }),
  queryFn: () => call('passages.get', { id }),
  // An unknown passage is an unlinked quote, shown as such: no toast.
  meta: { silent: true },
});

export function cachedPassage(id: number): PassageDetail | null | undefined {
  const state = queryClient.getQueryState<PassageDetail>(options(id).queryKey);
  if (state?.data !== undefined) return state.data;
  return state?.status === 'error' ? null : undefined;
}

export function loadPassage(id: number): Promise<PassageDetail | null> {
  return queryClient.fetchQuery(options(id)).catch(() => null);
}

/** Calls `changed` whenever a cached passage was (re)fetched; returns the unsubscribe. */
export function onPassagesFetched(changed: () => void): () => void {
  return queryClient.getQueryCache().subscribe((event) => {
    if (event.type === 'updated' && event.query.queryKey[0] === 'passages.get' && (event.action.type === 'success' || event.action.type === 'error')) changed();
  });
}

/** After this window changed a passage (a new backlink), read it again next time. */
export function forgetPassage(id: number): void {
  void queryClient.invalidateQueries({ queryKey: queryKey('passages.get', { id }), refetchType: 'all' });
}

/** After articles moved to or from the Trash: every quote's source state may have changed. */
export function forgetAllPassages(): void {
  void queryClient.invalidateQueries({ queryKey: ['passages.get'], refetchType: 'all' });
}
