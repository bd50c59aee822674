import type { Db } from '../connection';
import type { CompiledText, SpacelessGroup } from '../../shared/search/compileFts';
import type { Filter, TermGroup, TextTerm } from '../../shared/search/query';
import { entityMatchesArticle } from './searchFactMatch';
import { buildSnippet } from './searchSnippet';
import { prepared } from '../statements';
import { LATEST_VERSIONS } from './latestVersions';
import type { ArticleHit, NoteHit, QuoteHit } from '../../shared/domain/search';


export interface SearchPlan {
  text: CompiledText;
  /** The parsed words, for the item kinds without a word index (facts). */
  groups: readonly TermGroup[];
  filters: readonly Filter[];
  limit: number;
  /** The terms a hit's snippet marks (those of the groups that are not excluded). */
  highlight: readonly TextTerm[];
}

export interface TypeResults<Hit> {
  count: number;
  hits: Hit[];
}

/** A WHERE fragment and its bound parameters. */
export interface Condition {
  sql: string;
  params: unknown[];
}

/** How one kind of item is stored and indexed. */
interface Kind {
  fts: string;
  trigram: string;
  /** SELECT id … of the rows whose searchable text contains ?, among rows in the trigram index. */
  substringIds: string;
  /** Conditions for a filter on the item id expression, or 'none' when no item of this kind can match it. */
  filter(filter: Filter, id: string): Condition | 'none' | null;
  /** Leaves out what is in the trash (a small set, read through a partial index). */
  notTrashed(id: string): string;
}

const ARTICLES: Kind = {
  fts: 'article_fts',
  trigram: 'article_trigram',
  notTrashed: (id) => `${id} NOT IN (SELECT id FROM articles WHERE trashed_at IS NOT NULL)`,
  substringIds: `SELECT s.article_id FROM article_trigram_docsize d JOIN article_search_source s ON s.article_id = d.id
                  WHERE instr(s.title || ' ' || s.byline || ' ' || s.site || ' ' || s.body, ?) > 0`,
  filter(filter, id) {
    const not = filter.negated ? 'NOT ' : '';
    const where = (sql: string, ...params: unknown[]): Condition => ({
      sql: `${id} ${not}IN (SELECT a.id FROM articles a WHERE ${sql})`,
      params,
    });
    switch (filter.kind) {
      case 'tag':
        return { sql: `${id} ${not}IN (SELECT l.article_id FROM article_tags l JOIN tags t ON t.id = l.tag_id WHERE t.name = ?)`, params: [filter.value] };
      case 'project':
        return { sql: `${id} ${not}IN (SELECT l.article_id FROM project_articles l JOIN projects p ON p.id = l.project_id WHERE p.name = ?)`, params: [filter.value] };
      case 'site':
        return where(`instr(lower(coalesce(a.site_name, '') || ' ' || coalesce(a.canonical_url, '')), lower(?)) > 0`, filter.value);
      case 'author':
        return where(`instr(lower(coalesce(a.byline, '') || ' ' || a.authors_json), lower(?)) > 0`, filter.value);
      case 'before':
        return where(`substr(coalesce(a.published_at, a.created_at), 1, 10) < ?`, filter.date);
      case 'after':
        return where(`substr(coalesce(a.published_at, a.created_at), 1, 10) >= ?`, filter.date);
      case 'is':
        return filter.value === 'starred' ? where(`a.starred = 1`) : where(`a.reading_state = ?`, filter.value);
      case 'entity': {
        const match = entityMatchesArticle(filter.value);
        return { sql: `${id} ${not}IN (${match.sql})`, params: match.params };
      }
      case 'speaker':
        // Speakers are said of attributions (searchFacts.ts); -speaker:x leaves every article.
        return filter.negated ? null : 'none';
      case 'label':
        // A label belongs to a highlight (a quote hit). Excluding one (-label:verify) leaves every article.
        return filter.negated ? null : 'none';
    }
  },
};

/** What a filter means for an article whose id is `id` (facts are filtered through their article with it). */
export function articleCondition(filter: Filter, id: string): Condition | 'none' | null {
  return ARTICLES.filter(filter, id);
}

const NOTES: Kind = {
  fts: 'note_fts',
  trigram: 'note_trigram',
  notTrashed: (id) => `${id} NOT IN (SELECT id FROM notes WHERE trashed_at IS NOT NULL)`,
  substringIds: `SELECT n.id FROM note_trigram_docsize d JOIN notes n ON n.id = d.id
                  WHERE instr(n.title || ' ' || n.content_text, ?) > 0`,
  filter(filter, id) {
    const not = filter.negated ? 'NOT ' : '';
    switch (filter.kind) {
      case 'tag':
        return { sql: `${id} ${not}IN (SELECT l.note_id FROM note_tags l JOIN tags t ON t.id = l.tag_id WHERE t.name = ?)`, params: [filter.value] };
      case 'project':
        return { sql: `${id} ${not}IN (SELECT l.note_id FROM project_notes l JOIN projects p ON p.id = l.project_id WHERE p.name = ?)`, params: [filter.value] };
      case 'before':
        return { sql: `${id} ${not}IN (SELECT n.id FROM notes n WHERE substr(n.created_at, 1, 10) < ?)`, params: [filter.date] };
      case 'after':
        return { sql: `${id} ${not}IN (SELECT n.id FROM notes n WHERE substr(n.created_at, 1, 10) >= ?)`, params: [filter.date] };
      default:
        // label: describes highlights, like site:, author:, is: describe articles.
        // site:, author:, is: describe articles. Excluding them (-is:starred) leaves every note.
        return filter.negated ? null : 'none';
    }
  },
};

const QUOTES: Kind = {
  fts: 'passage_fts',
  trigram: 'passage_trigram',
  // A passage of a trashed article goes with it.
  notTrashed: (id) => `${id} NOT IN (SELECT p.id FROM articles a JOIN passages p ON p.article_id = a.id WHERE a.trashed_at IS NOT NULL)`,
  substringIds: `SELECT p.id FROM passage_trigram_docsize d JOIN passages p ON p.id = d.id
                  WHERE instr(p.exact, ?) > 0`,
  filter(filter, id) {
    const not = filter.negated ? 'NOT ' : '';
    const where = (sql: string, ...params: unknown[]): Condition => ({ sql: `${id} ${not}IN (SELECT p.id FROM passages p WHERE ${sql})`, params });
    switch (filter.kind) {
      case 'tag':
        return { sql: `${id} ${not}IN (SELECT l.passage_id FROM passage_tags l JOIN tags t ON t.id = l.tag_id WHERE t.name = ?)`, params: [filter.value] };
      case 'project':
        // In a project through its article, or through a note of the project that quotes it.
        return {
          sql: `${id} ${not}IN (SELECT p.id FROM passages p JOIN project_articles l ON l.article_id = p.article_id JOIN projects pr ON pr.id = l.project_id WHERE pr.name = ?
                               UNION SELECT q.passage_id FROM note_quotes q JOIN project_notes l ON l.note_id = q.note_id JOIN projects pr ON pr.id = l.project_id WHERE pr.name = ?)`,
          params: [filter.value, filter.value],
        };
      case 'site':
        return where(`instr(lower(coalesce(p.source_site, '') || ' ' || coalesce(p.source_url, '')), lower(?)) > 0`, filter.value);
      case 'author':
        return where(`p.article_id IN (SELECT a.id FROM articles a WHERE instr(lower(coalesce(a.byline, '') || ' ' || a.authors_json), lower(?)) > 0)`, filter.value);
      case 'label':
        return { sql: `${id} ${not}IN (SELECT h.passage_id FROM highlights h WHERE h.label = ?)`, params: [filter.value] };
      case 'before':
        return where(`substr(p.created_at, 1, 10) < ?`, filter.date);
      case 'after':
        return where(`substr(p.created_at, 1, 10) >= ?`, filter.date);
      default:
        // is: describes articles. Excluding a state (-is:starred) leaves every quote.
        return filter.negated ? null : 'none';
    }
  },
};

/** All conditions besides the main MATCH, or 'none' when the query can't match this kind at all. */
function conditionsFor(kind: Kind, plan: SearchPlan, id: string): Condition[] | 'none' {
  const conditions: Condition[] = [{ sql: kind.notTrashed(id), params: [] }];
  for (const filter of plan.filters) {
    const condition = kind.filter(filter, id);
    if (condition === 'none') return 'none';
    if (condition) conditions.push(condition);
  }
  if (plan.text.exclude) {
    conditions.push({ sql: `${id} NOT IN (SELECT rowid FROM ${kind.fts} WHERE ${kind.fts} MATCH ?)`, params: [plan.text.exclude] });
  }
  for (const group of plan.text.spacelessGroups) conditions.push(spacelessCondition(kind, group, id));
  return conditions;
}

function spacelessCondition(kind: Kind, group: SpacelessGroup, id: string): Condition {
  const alternatives: Condition[] = [];
  if (group.wordMatch) alternatives.push({ sql: `${id} IN (SELECT rowid FROM ${kind.fts} WHERE ${kind.fts} MATCH ?)`, params: [group.wordMatch] });
  if (group.trigramMatch) alternatives.push({ sql: `${id} IN (SELECT rowid FROM ${kind.trigram} WHERE ${kind.trigram} MATCH ?)`, params: [group.trigramMatch] });
  for (const substring of group.substrings) alternatives.push({ sql: `${id} IN (${kind.substringIds})`, params: [substring] });
  return {
    sql: `${group.negated ? 'NOT ' : ''}(${alternatives.map((a) => a.sql).join(' OR ')})`,
    params: alternatives.flatMap((a) => a.params),
  };
}

export function and(conditions: Condition[]): Condition {
  return { sql: conditions.map((c) => `(${c.sql})`).join(' AND ') || '1', params: conditions.flatMap((c) => c.params) };
}

/** Ids of the best matches and the total count, ranked by bm25 when there is a word match, else newest first. */
function findIds(db: Db, kind: Kind, plan: SearchPlan, newestFirst: string, idColumn: string, table: string): { count: number; ids: number[] } {
  // On the FTS table the id is written +rowid: a plain `rowid IN (…)` is handed to FTS5 as one
  // MATCH evaluation per listed id, turning a 30 ms query into seconds.
  const conditions = conditionsFor(kind, plan, plan.text.match ? '+rowid' : idColumn);
  if (conditions === 'none') return { count: 0, ids: [] };
  const where = and(conditions);
  if (plan.text.match) {
    const params = [plan.text.match, ...where.params];
    if (plan.limit === 0) {
      return { count: prepared(db, `SELECT count(*) FROM ${kind.fts} WHERE ${kind.fts} MATCH ? AND ${where.sql}`).pluck().get(...params) as number, ids: [] };
    }
    // One pass over the index: every match is ranked once (bm25 with the field weights set as the
    // table's rank), counted from the same rows, and the best are kept. Snippets are built for those
    // only (searchSnippet.ts): a second MATCH to count, or per-row snippet() calls, would evaluate
    // the query again.
    const rows = prepared(
        db,
        `WITH matches AS MATERIALIZED (SELECT rowid AS id, rank AS score FROM ${kind.fts} WHERE ${kind.fts} MATCH ? AND ${where.sql})
         SELECT id, (SELECT count(*) FROM matches) AS total FROM matches ORDER BY score, id LIMIT ?`,
      )
      .raw()
      .all(...params, plan.limit) as Array<[number, number]>;
    return { count: rows[0]?.[1] ?? 0, ids: rows.map((r) => r[0]) };
  }
  const count = prepared(db, `SELECT count(*) FROM ${table} WHERE ${where.sql}`).pluck().get(...where.params) as number;
  if (count === 0 || plan.limit === 0) return { count, ids: [] };
  const ids = prepared(db, `SELECT ${idColumn} AS id FROM ${table} WHERE ${where.sql} ORDER BY ${newestFirst} LIMIT ?`)
    .pluck()
    .all(...where.params, plan.limit) as number[];
  return { count, ids };
}

interface ArticleRow {
  id: number;
  title: string;
  byline: string | null;
  site_name: string | null;
  published_at: string | null;
  created_at: string;
  reading_state: 'unread' | 'read' | 'archived';
  starred: number;
  body: string;
}

export function searchArticles(db: Db, plan: SearchPlan): TypeResults<ArticleHit> {
  const { count, ids } = findIds(db, ARTICLES, plan, 'coalesce(a.published_at, a.created_at) DESC, a.id DESC', 'a.id', 'articles a');
  if (ids.length === 0) return { count, hits: [] };
  const byId = new Map(
    (
      prepared(
        db,
        // The text snippets are made from: the latest version's, as indexed.
        `SELECT a.id, a.title, a.byline, a.site_name, a.published_at, a.created_at, a.reading_state, a.starred, coalesce(v.content_text, '') AS body
           FROM articles a LEFT JOIN ${LATEST_VERSIONS} v ON v.article_id = a.id
          WHERE a.id IN (SELECT value FROM json_each(?))`,
      ).all(JSON.stringify(ids)) as ArticleRow[]
    ).map((row) => [row.id, row]),
  );
  const hits = ids.flatMap((id): ArticleHit[] => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      {
        type: 'article',
        id: row.id,
        title: row.title,
        byline: row.byline,
        site: row.site_name,
        publishedAt: row.published_at,
        clippedAt: row.created_at,
        readingState: row.reading_state,
        starred: row.starred === 1,
        snippet: buildSnippet(row.body, plan.highlight),
      },
    ];
  });
  return { count, hits };
}

export function searchNotes(db: Db, plan: SearchPlan): TypeResults<NoteHit> {
  const { count, ids } = findIds(db, NOTES, plan, 'n.updated_at DESC, n.id DESC', 'n.id', 'notes n');
  if (ids.length === 0) return { count, hits: [] };
  const byId = new Map(
    (
      prepared(db, `SELECT id, title, updated_at, content_text FROM notes WHERE id IN (SELECT value FROM json_each(?))`)
        .all(JSON.stringify(ids)) as Array<{ id: number; title: string; updated_at: string; content_text: string }>
    ).map((row) => [row.id, row]),
  );
  const hits = ids.flatMap((id): NoteHit[] => {
    const row = byId.get(id);
    if (!row) return [];
    return [{ type: 'note', id: row.id, title: row.title, updatedAt: row.updated_at, snippet: buildSnippet(row.content_text, plan.highlight) }];
  });
  return { count, hits };
}

interface QuoteRow {
  id: number;
  exact: string;
  article_id: number | null;
  source_title: string;
  source_site: string | null;
  anchor_status: QuoteHit['anchorStatus'];
  created_at: string;
  note_count: number;
  label: string | null;
  comment: string | null;
}

/** Notes listed per quote hit. */
const NOTES_PER_QUOTE = 5;

export function searchQuotes(db: Db, plan: SearchPlan): TypeResults<QuoteHit> {
  const { count, ids } = findIds(db, QUOTES, plan, 'p.created_at DESC, p.id DESC', 'p.id', 'passages p');
  if (ids.length === 0) return { count, hits: [] };
  const idsJson = JSON.stringify(ids);
  const byId = new Map(
    (
      prepared(
        db,
          `SELECT p.id, p.exact, p.article_id, p.source_title, p.source_site, p.anchor_status, p.created_at, h.label, h.comment,
                  (SELECT count(DISTINCT q.note_id) FROM note_quotes q JOIN notes n ON n.id = q.note_id WHERE q.passage_id = p.id AND n.trashed_at IS NULL) AS note_count
             FROM passages p LEFT JOIN highlights h ON h.passage_id = p.id WHERE p.id IN (SELECT value FROM json_each(?))`,
        )
        .all(idsJson) as QuoteRow[]
    ).map((row) => [row.id, row]),
  );
  const notesOf = new Map<number, Array<{ id: number; title: string }>>();
  for (const link of prepared(
        db,
      `SELECT DISTINCT q.passage_id, n.id, n.title FROM note_quotes q JOIN notes n ON n.id = q.note_id
        WHERE q.passage_id IN (SELECT value FROM json_each(?)) AND n.trashed_at IS NULL ORDER BY q.passage_id, n.updated_at DESC, n.id`,
    )
    .all(idsJson) as Array<{ passage_id: number; id: number; title: string }>) {
    const list = notesOf.get(link.passage_id) ?? [];
    if (list.length < NOTES_PER_QUOTE) list.push({ id: link.id, title: link.title });
    notesOf.set(link.passage_id, list);
  }
  const hits = ids.flatMap((id): QuoteHit[] => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      {
        type: 'quote',
        id: row.id,
        title: row.source_title,
        articleId: row.article_id,
        site: row.source_site,
        text: row.exact,
        anchorStatus: row.anchor_status,
        createdAt: row.created_at,
        noteCount: row.note_count,
        notes: notesOf.get(row.id) ?? [],
        label: row.label,
        comment: row.comment,
        snippet: buildSnippet(row.exact, plan.highlight),
      },
    ];
  });
  return { count, hits };
}
