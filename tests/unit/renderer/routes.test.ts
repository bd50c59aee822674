import { describe, expect, it } from 'vitest';
import { hrefFor, parseRoute } from '../../../renderer/src/app/routes';

// The URL fragment also carries the browser harness's token, read by webBridge with URLSearchParams.
const tokenOf = (href: string) => new URLSearchParams(href.replace(/^#/, '')).get('token');

describe('hash routes', () => {
  it('round-trips notes and article routes and keeps the harness token readable', () => {
    const routes = [
      { kind: 'notes' },
      { kind: 'notes', noteId: 7 },
      { kind: 'article', articleId: 3 },
      { kind: 'article', articleId: 3, passageId: 9, fromNoteId: 7, versionId: 4 },
    ] as const;
    for (const route of routes) {
      const href = hrefFor(route, 'tok_en-1');
      expect(parseRoute(href)).toEqual(route);
      expect(tokenOf(href)).toBe('tok_en-1');
      expect(parseRoute(hrefFor(route, null))).toEqual(route);
    }
  });

  it('treats the harness start URL and junk as the notes screen', () => {
    expect(parseRoute('#token=abc')).toEqual({ kind: 'notes' });
    expect(parseRoute('#/articles/x')).toEqual({ kind: 'notes' });
    expect(parseRoute('')).toEqual({ kind: 'notes' });
    expect(parseRoute('#/articles/5?&passage=0')).toEqual({ kind: 'article', articleId: 5 });
  });
});
