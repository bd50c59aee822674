import { performance } from 'node:perf_hooks';
import { searchArticles, searchNotes, searchQuotes, type SearchPlan } from '../../../db/repositories/search';
import { SEARCH_LIMIT_DEFAULT, type SearchGroup, type SearchResult } from '../../../shared/domain/search';
import { compileText } from '../../../shared/search/compileFts';
import { parseQuery } from '../../../shared/search/parseQuery';
import type { CoreContext } from '../context';

export interface SearchOptions {
  /** Best hits returned per type (counts are always complete). */
  limit?: number;
}

/**
 * One search over articles, notes and quotes (quoted passages). A query
 * that can't be run (bad filter value, too long) comes back with a message
 * and empty groups: search-as-you-type shows it without an error state.
 */
export function search(ctx: CoreContext, query: string, options: SearchOptions = {}): SearchResult {
  const started = performance.now();
  const parsed = parseQuery(query);
  const done = (groups: SearchGroup[], message: string | null): SearchResult => ({
    query,
    message,
    groups,
    total: groups.reduce((n, g) => n + g.count, 0),
    tookMs: Math.round((performance.now() - started) * 100) / 100,
  });
  if (!parsed.ok) return done([], parsed.message);

  const { groups: termGroups, filters, types } = parsed.query;
  if (termGroups.length === 0 && filters.length === 0 && types.length === 3) return done([], null);

  const plan: SearchPlan = {
    text: compileText(termGroups),
    filters,
    limit: options.limit ?? SEARCH_LIMIT_DEFAULT,
    highlight: termGroups.filter((g) => !g.negated).flatMap((g) => g.terms),
  };
  // Reads see one snapshot even while the app writes.
  const groups = ctx.db.transaction(() => {
    const found: SearchGroup[] = [];
    if (types.includes('article')) found.push({ type: 'article', ...searchArticles(ctx.db, plan) });
    if (types.includes('note')) found.push({ type: 'note', ...searchNotes(ctx.db, plan) });
    if (types.includes('quote')) found.push({ type: 'quote', ...searchQuotes(ctx.db, plan) });
    return found;
  })();
  return done(groups, null);
}
