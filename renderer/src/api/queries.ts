import { QueryCache, QueryClient, useQuery, type UseQueryOptions } from '@tanstack/react-query';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/contract/channels';
import type { ChangeEvent } from '../../../shared/contract/events';
import { call, listen } from './client';

/** Every query is keyed by [channel, input]: one cache entry per distinct call of the typed contract. */
export function queryKey<C extends Channel>(channel: C, input: ChannelInput<C>): readonly [C, ChannelInput<C>] {
  return [channel, input] as const;
}

let reportError: (message: string) => void = () => undefined;

/** The one place query failures go: the app's toast (App sets it). */
export function setQueryErrorHandler(handler: (message: string) => void): void {
  reportError = handler;
}

/**
 * The renderer's one cache of what the core answered. Data never goes stale
 * on a timer: it changes when the core says so (change events, below) or a
 * mutation invalidates it. Failures of background fetches reach the toast.
 */
export const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (query.meta?.silent) return;
      reportError(error instanceof Error ? error.message : String(error));
    },
  }),
  defaultOptions: { queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false } },
});

/** useQuery over one contract channel. */
export function useCall<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
  options: Omit<UseQueryOptions<ChannelOutput<C>, Error, ChannelOutput<C>, readonly [C, ChannelInput<C>]>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery({ queryKey: queryKey(channel, input), queryFn: () => call(channel, input), ...options });
}

/** Fetches through the cache outside React (editor plugins). */
export function fetchCall<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  return queryClient.fetchQuery({ queryKey: queryKey(channel, input), queryFn: () => call(channel, input) });
}

export function cachedCall<C extends Channel>(channel: C, input: ChannelInput<C>): ChannelOutput<C> | undefined {
  return queryClient.getQueryData<ChannelOutput<C>>(queryKey(channel, input));
}

/** Marks every query of these channels stale and refetches them, also those only editor plugins read (no observer). */
function refresh(...channels: Channel[]): void {
  for (const channel of channels) void queryClient.invalidateQueries({ queryKey: [channel], refetchType: 'all' });
}

const LIBRARY: Channel[] = ['library.listIds', 'library.rows', 'library.viewCounts', 'library.scopeNotes', 'library.projectQuotes', 'articles.list'];
const ORGANIZE: Channel[] = ['projects.list', 'projects.get', 'projects.ofItem', 'tags.list', 'tags.ofItem'];
const PASSAGES: Channel[] = ['passages.get', 'passages.forVersion', 'passages.quotesOfNote'];

/**
 * After this window changed projects, tags or what they hold: refetch at once what lists or counts them
 * (the change event that follows would too, a moment later).
 */
export async function refreshLibraryQueries(): Promise<void> {
  await Promise.all([...ORGANIZE, ...LIBRARY].map((channel) => queryClient.invalidateQueries({ queryKey: [channel], refetchType: 'all' })));
}

/** Which cached answers a change makes wrong. */
export function invalidateFor(event: ChangeEvent): void {
  switch (event.type) {
    case 'article.reclipped':
      // The article's versions and every passage of it (and so every note quoting them) moved.
      void queryClient.invalidateQueries({ queryKey: queryKey('articles.get', { id: event.articleId }), refetchType: 'all' });
      refresh(...PASSAGES, ...LIBRARY);
      return;
    case 'articles.deleted':
      for (const id of event.articleIds) queryClient.removeQueries({ queryKey: queryKey('articles.get', { id }) });
      refresh(...PASSAGES, ...LIBRARY, ...ORGANIZE);
      return;
    case 'articles.changed':
      for (const id of event.articleIds) void queryClient.invalidateQueries({ queryKey: queryKey('articles.get', { id }), refetchType: 'all' });
      refresh(...LIBRARY);
      return;
    case 'passages.changed':
      for (const { id } of event.passages) void queryClient.invalidateQueries({ queryKey: queryKey('passages.get', { id }), refetchType: 'all' });
      refresh('passages.forVersion', 'passages.quotesOfNote', 'library.projectQuotes', 'passages.labels');
      return;
    case 'note.saved':
      void queryClient.invalidateQueries({ queryKey: queryKey('passages.quotesOfNote', { noteId: event.noteId }), refetchType: 'all' });
      refresh('notes.list', 'passages.get', 'library.scopeNotes');
      return;
    case 'notes.changed':
      refresh('notes.list', 'passages.get', 'library.scopeNotes', ...ORGANIZE);
      return;
    case 'organize.changed':
      refresh(...ORGANIZE, ...LIBRARY);
      return;
    case 'library.changed':
      void queryClient.invalidateQueries({ refetchType: 'all' });
      return;
    case 'note.quoteWaiting':
      // Nothing changed yet: the note's open editor takes the quote (features/desk/browserQuotes.ts).
      return;
  }
}

/** Subscribes the cache to the core's change events, once per page; returns the unsubscribe. */
export function connectChangeEvents(onEvent?: (event: ChangeEvent) => void): () => void {
  return listen((event) => {
    invalidateFor(event);
    onEvent?.(event);
  });
}
