import type { Db } from '../connection';
import { prepared } from '../statements';
import type { FactSearchType, Filter, TermGroup } from '../../shared/search/query';
import type { FactHit } from '../../shared/domain/search';
import { and, articleCondition, type Condition, type SearchPlan, type TypeResults } from './search';
import { entityMentionedIn, latestVersionOf, speakerMatches } from './searchFactMatch';
import { buildSnippet } from './searchSnippet';

/** The facts table's kind for each fact search type. */
const KIND: Record<FactSearchType, 'quote' | 'figure' | 'date'> = { attribution: 'quote', figure: 'figure', date: 'date' };

/**
 * Facts (issue #13) found by a search: type:attribution|figure|date,
 * speaker: and entity:, with the query's words and every article filter
 * (tag:, project:, site:, before: … apply to the fact's article). Only facts
 * of an article's latest version count (older versions' facts are their
 * re-anchored copies) and none of a trashed article. Facts have no word
 * index: words match as case-insensitive substrings of the fact's words,
 * speaker and source, so they are searched only when asked for (see
 * defaultTypes in parseQuery.ts); newest article first, in text order.
 */
export function searchFacts(db: Db, type: FactSearchType, plan: SearchPlan): TypeResults<FactHit> {
  const conditions: Condition[] = [
    { sql: 'f.kind = ?', params: [KIND[type]] },
    { sql: 'a.trashed_at IS NULL', params: [] },
    { sql: `f.version_id = ${latestVersionOf('f.article_id')}`, params: [] },
  ];
  for (const filter of plan.filters) {
    const condition = factCondition(type, filter);
    if (condition === 'none') return { count: 0, hits: [] };
    if (condition) conditions.push(condition);
  }
  for (const group of plan.groups) conditions.push(wordsCondition(group));
  const where = and(conditions);
  const from = `FROM facts f JOIN articles a ON a.id = f.article_id WHERE ${where.sql}`;
  const count = prepared(db, `SELECT count(*) ${from}`).pluck().get(...where.params) as number;
  if (count === 0 || plan.limit === 0) return { count, hits: [] };
  const rows = prepared(
    db,
    `SELECT f.id, f.article_id, a.title, a.site_name, a.published_at, f.exact, f.anchor_status, f.speaker, f.source, f.cue, f.anonymous,
            f.value, f.unit, f.qualifier, f.iso, f.precision
       ${from}
      ORDER BY coalesce(a.published_at, a.created_at) DESC, a.id DESC, f.start_offset, f.id LIMIT ?`,
  ).all(...where.params, plan.limit) as FactRow[];
  return { count, hits: rows.map((row) => toHit(type, row, plan)) };
}

function factCondition(type: FactSearchType, filter: Filter): Condition | 'none' | null {
  const not = filter.negated ? 'NOT ' : '';
  if (filter.kind === 'speaker') {
    if (type !== 'attribution') return filter.negated ? null : 'none';
    const match = speakerMatches(filter.value);
    return { sql: `${not}${match.sql}`, params: match.params };
  }
  if (filter.kind === 'entity') {
    // A quote "names" whoever said it as well as whoever its words mention.
    const mention = entityMentionedIn(filter.value);
    const match = type === 'attribution' ? { sql: `(${speakerMatches(filter.value).sql} OR ${mention.sql})`, params: [...speakerMatches(filter.value).params, ...mention.params] } : mention;
    return { sql: `${not}${match.sql}`, params: match.params };
  }
  return articleCondition(filter, 'f.article_id');
}

/** One OR group of words: any of them in the fact's words, speaker or source (a negated group: none of them). */
function wordsCondition(group: TermGroup): Condition {
  const haystack = `lower(f.exact || ' ' || coalesce(f.speaker, '') || ' ' || coalesce(f.source, ''))`;
  const sql = group.terms.map(() => `instr(${haystack}, ?) > 0`).join(' OR ');
  return { sql: `${group.negated ? 'NOT ' : ''}(${sql})`, params: group.terms.map((t) => t.text.toLowerCase()) };
}

interface FactRow {
  id: number;
  article_id: number;
  title: string;
  site_name: string | null;
  published_at: string | null;
  exact: string;
  anchor_status: 'ok' | 'changed' | 'orphan';
  speaker: string | null;
  source: string | null;
  cue: string | null;
  anonymous: number | null;
  value: number | null;
  unit: string | null;
  qualifier: string | null;
  iso: string | null;
  precision: 'day' | 'month' | 'year' | null;
}

function toHit(type: FactSearchType, row: FactRow, plan: SearchPlan): FactHit {
  const base = {
    id: row.id,
    articleId: row.article_id,
    title: row.title,
    site: row.site_name,
    publishedAt: row.published_at,
    text: row.exact,
    anchorStatus: row.anchor_status,
    snippet: buildSnippet(row.exact, plan.highlight),
  };
  switch (type) {
    case 'attribution':
      return { type, ...base, speaker: row.speaker, source: row.source ?? '', cue: row.cue ?? '', anonymous: row.anonymous === 1 };
    case 'figure':
      return { type, ...base, value: row.value ?? 0, unit: row.unit ?? '', qualifier: row.qualifier };
    case 'date':
      return { type, ...base, iso: row.iso ?? '', precision: row.precision ?? 'day' };
  }
}
