import { performance } from 'node:perf_hooks';
import { listProjects } from '../../../db/repositories/projects';
import { searchArticles, searchNotes, searchQuotes, type SearchPlan } from '../../../db/repositories/search';
import { searchFacts } from '../../../db/repositories/searchFacts';
import { candidateWords, libraryHasWord } from '../../../db/repositories/searchVocab';
import { SEARCH_LIMIT_DEFAULT, type SearchGroup, type SearchResult } from '../../../shared/domain/search';
import { allowedEdits } from '../../../shared/search/editDistance';
import { compileText } from '../../../shared/search/compileFts';
import { parseQuery } from '../../../shared/search/parseQuery';
import { DEFAULT_SEARCH_TYPES, isFactType, type Filter, type ParsedQuery } from '../../../shared/search/query';
import { checkableWords, likeliestWord, replaceFilterValue, replaceWord, resolveName } from '../../../shared/search/suggest';
import type { CoreContext } from '../context';

export interface SearchOptions {
  /** Best hits returned per type (counts are always complete). */
  limit?: number;
}

/**
 * One search over articles, notes, quotes (quoted passages) and, when asked
 * for, facts. A query that can't be run (bad filter value, unknown filter
 * key, a project name matching no project or several, too long) comes back
 * with a message and empty groups: search-as-you-type shows it without an
 * error state. A word the library does not hold comes back with a
 * suggestion: the query with the library's nearest word instead.
 */
export function search(ctx: CoreContext, query: string, options: SearchOptions = {}): SearchResult {
  const started = performance.now();
  const parsed = parseQuery(query);
  const done = (groups: SearchGroup[], message: string | null, suggestion: string | null = null): SearchResult => ({
    query,
    message,
    suggestion,
    groups,
    total: groups.reduce((n, g) => n + g.count, 0),
    tookMs: Math.round((performance.now() - started) * 100) / 100,
  });
  if (!parsed.ok) return done([], parsed.message, parsed.suggestion ?? null);

  const { groups: termGroups, types } = parsed.query;
  const projects = resolveProjects(ctx, query, parsed.query.filters);
  if (!projects.ok) return done([], projects.message, projects.suggestion);
  const filters = projects.filters;
  if (termGroups.length === 0 && filters.length === 0 && sameTypes(types, DEFAULT_SEARCH_TYPES)) return done([], null);

  const plan: SearchPlan = {
    text: compileText(termGroups),
    groups: termGroups,
    filters,
    limit: options.limit ?? SEARCH_LIMIT_DEFAULT,
    highlight: termGroups.filter((g) => !g.negated).flatMap((g) => g.terms),
  };
  // Reads see one snapshot even while the app writes.
  const groups = ctx.db.transaction(() => {
    const found: SearchGroup[] = [];
    for (const type of types) {
      if (type === 'article') found.push({ type, ...searchArticles(ctx.db, plan) });
      else if (type === 'note') found.push({ type, ...searchNotes(ctx.db, plan) });
      else if (type === 'quote') found.push({ type, ...searchQuotes(ctx.db, plan) });
      else if (isFactType(type)) found.push({ type, ...searchFacts(ctx.db, type, plan) });
    }
    return found;
  })();
  const total = groups.reduce((n, g) => n + g.count, 0);
  return done(groups, null, total === 0 ? suggestWords(ctx, query, parsed.query) : null);
}

function sameTypes(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((t) => b.includes(t));
}

type Resolved = { ok: true; filters: Filter[] } | { ok: false; message: string; suggestion: string | null };

/** project: values become the project they name (the name, or the only project whose name starts with it). */
function resolveProjects(ctx: CoreContext, query: string, filters: readonly Filter[]): Resolved {
  if (!filters.some((f) => f.kind === 'project')) return { ok: true, filters: [...filters] };
  const names = listProjects(ctx.db).map((p) => p.name);
  const resolved: Filter[] = [];
  for (const filter of filters) {
    if (filter.kind !== 'project') {
      resolved.push(filter);
      continue;
    }
    const match = resolveName('project', filter.value, names);
    if (!match.ok) {
      const only = match.closest.length === 1 ? match.closest[0]! : undefined;
      const suggestion = only === undefined ? query : replaceFilterValue(query, 'project', filter.value, only);
      return { ok: false, message: match.message, suggestion: suggestion === query ? null : suggestion };
    }
    resolved.push({ ...filter, value: match.name });
  }
  return { ok: true, filters: resolved };
}

/**
 * For a search that found nothing: each word no article or note holds is
 * replaced by the library's nearest word (within one or two edits, the most
 * common on a tie). Checking a word is an index seek; only a missing word
 * reads library words: those sharing its first two letters, and only when
 * none of them is near, those sharing its first letter (ten times as many).
 */
function suggestWords(ctx: CoreContext, query: string, parsed: ParsedQuery): string | null {
  let suggestion = query;
  for (const { text, word, prefix } of checkableWords(parsed)) {
    if (libraryHasWord(ctx.db, word, prefix)) continue;
    const slack = allowedEdits(word);
    const meant = likeliestWord(word, candidateWords(ctx.db, word, slack, 2)) ?? likeliestWord(word, candidateWords(ctx.db, word, slack, 1));
    if (meant) suggestion = replaceWord(suggestion, text, meant);
  }
  return suggestion === query ? null : suggestion;
}
