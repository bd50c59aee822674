import type { Db } from '../connection';
import type { CompiledText, SpacelessGroup } from '../../shared/search/compileFts';
import type { Filter } from '../../shared/search/query';
import type { ArticleHit, NoteHit, SnippetPart } from '../../shared/domain/search';

/** Marks around matched words in snippet() output; control characters never occur in stored text. */
const HIT_OPEN = '\u0001';
const HIT_CLOSE = '\u0002';
const SNIPPET_TOKENS = 24;
/** Characters either side of a substring match in snippets built here (spaceless scripts). */
const SNIPPET_CONTEXT_CHARS = 60;
const EXCERPT_CHARS = 200;

export interface SearchPlan {
  text: CompiledText;
  filters: readonly Filter[];
  limit: number;
}

export interface TypeResults<Hit> {
  count: number;
  hits: Hit[];
}

/** A WHERE fragment and its bound parameters. */
interface Condition {
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
}

const ARTICLES: Kind = {
  fts: 'article_fts',
  trigram: 'article_trigram',
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
    }
  },
};

const NOTES: Kind = {
  fts: 'note_fts',
  trigram: 'note_trigram',
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
        // site:, author:, is: describe articles. Excluding them (-is:starred) leaves every note.
        return filter.negated ? null : 'none';
    }
  },
};

/** All conditions besides the main MATCH, or 'none' when the query can't match this kind at all. */
function conditionsFor(kind: Kind, plan: SearchPlan, id: string): Condition[] | 'none' {
  const conditions: Condition[] = [];
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

function and(conditions: Condition[]): Condition {
  return { sql: conditions.map((c) => `(${c.sql})`).join(' AND ') || '1', params: conditions.flatMap((c) => c.params) };
}

/** Ids of the best matches and the total count, ranked by bm25 when there is a word match, else newest first. */
function findIds(db: Db, kind: Kind, plan: SearchPlan, newestFirst: string, idColumn: string, table: string) {
  // On the FTS table the id is written +rowid: a plain `rowid IN (…)` is handed to FTS5 as one
  // MATCH evaluation per listed id and defeats its ORDER BY rank, turning a 30 ms query into seconds.
  const conditions = conditionsFor(kind, plan, plan.text.match ? '+rowid' : idColumn);
  if (conditions === 'none') return { count: 0, rows: [] as Array<{ id: number; snippet: string | null }> };
  const where = and(conditions);
  if (plan.text.match) {
    // A single-table query on the FTS table, so FTS5 itself sorts by rank and snippet() runs only for the rows returned.
    const params = [plan.text.match, ...where.params];
    const rows =
      plan.limit === 0
        ? []
        : (db
            .prepare(
              `SELECT rowid AS id, snippet(${kind.fts}, -1, '${HIT_OPEN}', '${HIT_CLOSE}', '…', ${SNIPPET_TOKENS}) AS snippet
                 FROM ${kind.fts} WHERE ${kind.fts} MATCH ? AND ${where.sql} ORDER BY rank LIMIT ?`,
            )
            .all(...params, plan.limit) as Array<{ id: number; snippet: string }>);
    // Fewer rows than asked for is already the count: the second pass over the index is only for long result lists.
    const count =
      rows.length < plan.limit
        ? rows.length
        : (db.prepare(`SELECT count(*) FROM ${kind.fts} WHERE ${kind.fts} MATCH ? AND ${where.sql}`).pluck().get(...params) as number);
    return { count, rows };
  }
  const count = db.prepare(`SELECT count(*) FROM ${table} WHERE ${where.sql}`).pluck().get(...where.params) as number;
  if (count === 0 || plan.limit === 0) return { count, rows: [] };
  const rows = db
    .prepare(`SELECT ${idColumn} AS id, NULL AS snippet FROM ${table} WHERE ${where.sql} ORDER BY ${newestFirst} LIMIT ?`)
    .all(...where.params, plan.limit) as Array<{ id: number; snippet: null }>;
  return { count, rows };
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
}

export function searchArticles(db: Db, plan: SearchPlan): TypeResults<ArticleHit> {
  const { count, rows } = findIds(db, ARTICLES, plan, 'coalesce(a.published_at, a.created_at) DESC, a.id DESC', 'a.id', 'articles a');
  if (rows.length === 0) return { count, hits: [] };
  const byId = new Map(
    (
      db
        .prepare(
          `SELECT id, title, byline, site_name, published_at, created_at, reading_state, starred
             FROM articles WHERE id IN (SELECT value FROM json_each(?))`,
        )
        .all(JSON.stringify(rows.map((r) => r.id))) as ArticleRow[]
    ).map((row) => [row.id, row]),
  );
  const bodyOf = db.prepare(`SELECT title || char(10) || body FROM article_search_source WHERE article_id = ?`).pluck();
  const hits = rows.flatMap((r): ArticleHit[] => {
    const row = byId.get(r.id);
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
        snippet: r.snippet !== null ? snippetParts(r.snippet) : snippetFromText(bodyText(bodyOf.get(r.id) as string, row.title), plan),
      },
    ];
  });
  return { count, hits };
}

export function searchNotes(db: Db, plan: SearchPlan): TypeResults<NoteHit> {
  const { count, rows } = findIds(db, NOTES, plan, 'n.updated_at DESC, n.id DESC', 'n.id', 'notes n');
  if (rows.length === 0) return { count, hits: [] };
  const byId = new Map(
    (
      db
        .prepare(`SELECT id, title, updated_at, content_text FROM notes WHERE id IN (SELECT value FROM json_each(?))`)
        .all(JSON.stringify(rows.map((r) => r.id))) as Array<{ id: number; title: string; updated_at: string; content_text: string }>
    ).map((row) => [row.id, row]),
  );
  const hits = rows.flatMap((r): NoteHit[] => {
    const row = byId.get(r.id);
    if (!row) return [];
    return [
      {
        type: 'note',
        id: row.id,
        title: row.title,
        updatedAt: row.updated_at,
        snippet: r.snippet !== null ? snippetParts(r.snippet) : snippetFromText(row.content_text, plan),
      },
    ];
  });
  return { count, hits };
}

function bodyText(titleAndBody: string, title: string): string {
  return titleAndBody.slice(title.length + 1);
}

/** Splits snippet() output at the hit markers. */
export function snippetParts(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let rest = marked;
  while (rest.length > 0) {
    const open = rest.indexOf(HIT_OPEN);
    if (open === -1) {
      parts.push({ text: rest, hit: false });
      break;
    }
    if (open > 0) parts.push({ text: rest.slice(0, open), hit: false });
    const close = rest.indexOf(HIT_CLOSE, open + 1);
    const end = close === -1 ? rest.length : close;
    parts.push({ text: rest.slice(open + 1, end), hit: true });
    rest = rest.slice(end + 1);
  }
  return parts.filter((p) => p.text.length > 0).map((p) => ({ ...p, text: p.text.replace(/\s+/gu, ' ') }));
}

/**
 * A snippet built here when FTS5 didn't rank the row: around the first
 * spaceless-script term found (the trigram index can't mark them), else the
 * start of the text.
 */
function snippetFromText(text: string, plan: SearchPlan): SnippetPart[] {
  const wanted = plan.text.spacelessGroups
    .filter((g) => !g.negated)
    .flatMap((g) => [...g.substrings, ...(g.trigramMatch ? trigramTerms(g.trigramMatch) : [])]);
  const lower = text.toLowerCase();
  let best: { at: number; length: number } | undefined;
  for (const term of wanted) {
    const at = lower.indexOf(term.toLowerCase());
    if (at !== -1 && (!best || at < best.at)) best = { at, length: term.length };
  }
  if (!best) {
    const head = text.slice(0, EXCERPT_CHARS).replace(/\s+/gu, ' ').trim();
    return head ? [{ text: text.length > EXCERPT_CHARS ? `${head}…` : head, hit: false }] : [];
  }
  const start = Math.max(0, best.at - SNIPPET_CONTEXT_CHARS);
  const end = Math.min(text.length, best.at + best.length + SNIPPET_CONTEXT_CHARS);
  const parts: SnippetPart[] = [
    { text: `${start > 0 ? '…' : ''}${text.slice(start, best.at)}`, hit: false },
    { text: text.slice(best.at, best.at + best.length), hit: true },
    { text: `${text.slice(best.at + best.length, end)}${end < text.length ? '…' : ''}`, hit: false },
  ];
  return parts.filter((p) => p.text.length > 0).map((p) => ({ ...p, text: p.text.replace(/\s+/gu, ' ') }));
}

/** The terms of an OR-ed trigram MATCH string built by compileText. */
function trigramTerms(match: string): string[] {
  return [...match.matchAll(/"((?:[^"]|"")*)"/gu)].map((m) => m[1]!.replaceAll('""', '"'));
}
