import { useEffect, useState } from 'react';

/**
 * The app's few routes, kept in the URL hash so a reload (and the browser
 * harness) lands on the same screen: the notes workspace (optionally on one
 * note) or the reader on one article (optionally scrolled to a passage, and
 * remembering the note the journalist came from, which "Quote into note" uses).
 */
export type Route =
  | { kind: 'notes'; noteId?: number }
  | { kind: 'article'; articleId: number; passageId?: number; fromNoteId?: number; versionId?: number };

const positive = (raw: string | null | undefined): number | undefined => (raw && /^\d+$/.test(raw) && Number(raw) > 0 ? Number(raw) : undefined);

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  const article = /^\/articles\/(\d+)$/.exec(path);
  if (article) {
    const route: Route = { kind: 'article', articleId: Number(article[1]) };
    const passageId = positive(params.get('passage'));
    const fromNoteId = positive(params.get('note'));
    const versionId = positive(params.get('version'));
    if (passageId) route.passageId = passageId;
    if (fromNoteId) route.fromNoteId = fromNoteId;
    if (versionId) route.versionId = versionId;
    return route;
  }
  const note = /^\/notes\/(\d+)$/.exec(path);
  return note ? { kind: 'notes', noteId: Number(note[1]) } : { kind: 'notes' };
}

/**
 * The browser harness passes its API token in the fragment (`#token=…`, read
 * by webBridge with URLSearchParams over the whole fragment): every route
 * carries it along, after a leading "&" so it never fuses with the path.
 */
function harnessToken(): string | null {
  return new URLSearchParams(window.location.hash.replace(/^#/, '')).get('token');
}

export function hrefFor(route: Route, token: string | null = harnessToken()): string {
  const params = new URLSearchParams();
  let path: string;
  if (route.kind === 'notes') path = route.noteId === undefined ? '/notes' : `/notes/${route.noteId}`;
  else {
    path = `/articles/${route.articleId}`;
    if (route.passageId) params.set('passage', String(route.passageId));
    if (route.fromNoteId) params.set('note', String(route.fromNoteId));
    if (route.versionId) params.set('version', String(route.versionId));
  }
  if (token) params.set('token', token);
  const query = params.toString();
  return `#${path}${query ? `?&${query}` : ''}`;
}

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route);
}

/** Opens an article in the reader (the Library and quote chips use this). */
export function openArticle(articleId: number, options: { passageId?: number; fromNoteId?: number } = {}): void {
  navigate({ kind: 'article', articleId, ...options });
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
