import type { Db } from '../connection';
import { articleSummariesByIds } from './articles';
import type { ArticleSummary } from '../../shared/domain/article';
import type { DeleteImpact, ViewCounts, LibraryScope, LibrarySort, ProjectQuote, ScopeNote, SortDirection } from '../../shared/domain/libraryList';

/**
 * The library list, sorted and filtered in SQL. The list asks for ids only
 * (every match, in order: a few bytes each) and then for the rows it shows,
 * so a 10,000-article library never crosses the bridge as 10,000 full rows.
 */

interface Condition {
  sql: string;
  params: unknown[];
}

function scopeCondition(scope: LibraryScope): Condition {
  switch (scope.kind) {
    case 'view':
      switch (scope.view) {
        case 'all':
          return { sql: `a.reading_state != 'archived'`, params: [] };
        case 'unread':
          return { sql: `a.reading_state = 'unread'`, params: [] };
        case 'archived':
          return { sql: `a.reading_state = 'archived'`, params: [] };
        case 'starred':
          return { sql: `a.starred = 1`, params: [] };
      }
      break;
    case 'project':
      return { sql: `a.id IN (SELECT article_id FROM project_articles WHERE project_id = ?)`, params: [scope.projectId] };
    case 'tag':
      return { sql: `a.id IN (SELECT l.article_id FROM article_tags l JOIN tags t ON t.id = l.tag_id WHERE t.name = ?)`, params: [scope.name] };
  }
}

/** Missing dates and outlets sort last in both directions: a list sorted by outlet starts with outlets. */
const ORDER: Record<LibrarySort, (dir: 'ASC' | 'DESC') => string> = {
  clipped: (dir) => `a.created_at ${dir}, a.id ${dir}`,
  published: (dir) => `a.published_at IS NULL, substr(a.published_at, 1, 10) ${dir}, a.published_at ${dir}, a.id ${dir}`,
  title: (dir) => `a.title COLLATE NOCASE ${dir}, a.id ${dir}`,
  outlet: (dir) => `a.site_name IS NULL, a.site_name COLLATE NOCASE ${dir}, a.created_at DESC, a.id DESC`,
};

export interface ListQuery {
  scope: LibraryScope;
  sort: LibrarySort;
  direction: SortDirection;
  filter: string;
}

export function listArticleIds(db: Db, query: ListQuery): number[] {
  const { sql, params } = listArticleIdsSql(query);
  return db.prepare(sql).pluck().all(...params) as number[];
}

function listArticleIdsSql(query: ListQuery): { sql: string; params: unknown[] } {
  // Articles in the trash are in no view, project or tag list (the Trash lists them).
  const conditions = [scopeCondition(query.scope), { sql: `a.trashed_at IS NULL`, params: [] }];
  for (const word of query.filter.trim().toLowerCase().split(/\s+/).filter(Boolean)) {
    conditions.push({
      sql: `instr(lower(a.title || ' ' || coalesce(a.byline, '') || ' ' || coalesce(a.site_name, '')), ?) > 0`,
      params: [word],
    });
  }
  const sql = `SELECT a.id FROM articles a WHERE ${conditions.map((c) => `(${c.sql})`).join(' AND ')}
               ORDER BY ${ORDER[query.sort](query.direction === 'asc' ? 'ASC' : 'DESC')}`;
  return { sql, params: conditions.flatMap((c) => c.params) };
}

/** The rows for these ids, in the order given; ids that no longer exist are skipped. */
export function articleRows(db: Db, ids: readonly number[]): ArticleSummary[] {
  const byId = new Map(articleSummariesByIds(db, ids).map((summary) => [summary.id, summary]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Articles that exist and are not in the trash. */
export function countExistingArticles(db: Db, ids: readonly number[]): number {
  return db.prepare(`SELECT count(*) FROM articles WHERE trashed_at IS NULL AND id IN (SELECT value FROM json_each(?))`).pluck().get(JSON.stringify(ids)) as number;
}

/** What deleting these articles does to notes: the quote nodes citing any of their passages, and in how many notes. */
export function deleteImpact(db: Db, ids: readonly number[]): DeleteImpact {
  const row = db
    .prepare(
      `SELECT count(*) AS quotes, count(DISTINCT q.note_id) AS notes
         FROM note_quotes q JOIN passages p ON p.id = q.passage_id JOIN notes n ON n.id = q.note_id
        WHERE p.article_id IN (SELECT value FROM json_each(?)) AND n.trashed_at IS NULL`,
    )
    .get(JSON.stringify(ids)) as { quotes: number; notes: number };
  return { articles: countExistingArticles(db, ids), quotes: row.quotes, notes: row.notes };
}

/** Deletes the articles (triggers keep search, passages and the purge log right), then assets nothing uses any more. */
export function deleteArticles(db: Db, ids: readonly number[]): number {
  const deleted = db.prepare(`DELETE FROM articles WHERE id IN (SELECT value FROM json_each(?))`).run(JSON.stringify(ids)).changes;
  if (deleted > 0) {
    db.prepare(
      `DELETE FROM assets WHERE sha256 NOT IN (SELECT asset_sha256 FROM article_version_assets)
         AND sha256 NOT IN (SELECT lead_image_sha256 FROM articles WHERE lead_image_sha256 IS NOT NULL)`,
    ).run();
  }
  return deleted;
}

/** Takes the articles out of one project and puts them in another; returns how many left `from`. */
export function moveArticles(db: Db, ids: readonly number[], fromProjectId: number, toProjectId: number, now: string): number {
  const json = JSON.stringify(ids);
  db.prepare(
    `INSERT OR IGNORE INTO project_articles (project_id, article_id, added_at) SELECT ?, value, ? FROM json_each(?)`,
  ).run(toProjectId, now, json);
  const moved = db.prepare(`DELETE FROM project_articles WHERE project_id = ? AND article_id IN (SELECT value FROM json_each(?))`).run(fromProjectId, json).changes;
  db.prepare(`UPDATE projects SET updated_at = ? WHERE id IN (?, ?)`).run(now, fromProjectId, toProjectId);
  return moved;
}

export function projectNotes(db: Db, projectId: number): ScopeNote[] {
  return (
    db
      .prepare(`SELECT n.id, n.title, n.updated_at FROM project_notes l JOIN notes n ON n.id = l.note_id WHERE l.project_id = ? AND n.trashed_at IS NULL ORDER BY n.updated_at DESC, n.id DESC`)
      .all(projectId) as Array<{ id: number; title: string; updated_at: string }>
  ).map((row) => ({ id: row.id, title: row.title, updatedAt: row.updated_at }));
}

export function taggedNotes(db: Db, tag: string): ScopeNote[] {
  return (
    db
      .prepare(
        `SELECT n.id, n.title, n.updated_at FROM note_tags l JOIN tags t ON t.id = l.tag_id JOIN notes n ON n.id = l.note_id
          WHERE t.name = ? AND n.trashed_at IS NULL ORDER BY n.updated_at DESC, n.id DESC`,
      )
      .all(tag) as Array<{ id: number; title: string; updated_at: string }>
  ).map((row) => ({ id: row.id, title: row.title, updatedAt: row.updated_at }));
}

/** The project's quotes: passages quoted in its notes, and passages of its articles that some note quotes. */
export function projectQuotes(db: Db, projectId: number): ProjectQuote[] {
  return (
    db
      .prepare(
        `SELECT p.id, p.exact, p.source_title, p.article_id, p.anchor_status, count(DISTINCT q.note_id) AS note_count
           FROM passages p JOIN note_quotes q ON q.passage_id = p.id JOIN notes qn ON qn.id = q.note_id AND qn.trashed_at IS NULL
          WHERE (p.article_id IN (SELECT article_id FROM project_articles WHERE project_id = ?)
                 OR p.id IN (SELECT q2.passage_id FROM note_quotes q2 JOIN project_notes l ON l.note_id = q2.note_id JOIN notes n2 ON n2.id = q2.note_id
                              WHERE l.project_id = ? AND n2.trashed_at IS NULL))
            AND coalesce(p.article_id NOT IN (SELECT id FROM articles WHERE trashed_at IS NOT NULL), 1)
          GROUP BY p.id
          ORDER BY p.source_title COLLATE NOCASE, p.article_id, p.start_offset
          LIMIT 2000`,
      )
      .all(projectId, projectId) as Array<{ id: number; exact: string; source_title: string; article_id: number | null; anchor_status: ProjectQuote['anchorStatus']; note_count: number }>
  ).map((row) => ({ passageId: row.id, exact: row.exact, sourceTitle: row.source_title, articleId: row.article_id, anchorStatus: row.anchor_status, noteCount: row.note_count }));
}

export function viewCounts(db: Db): ViewCounts {
  return db
    .prepare(
      `SELECT count(*) FILTER (WHERE reading_state != 'archived') AS "all", count(*) FILTER (WHERE reading_state = 'unread') AS unread,
              count(*) FILTER (WHERE starred = 1) AS starred, count(*) FILTER (WHERE reading_state = 'archived') AS archived
         FROM articles WHERE trashed_at IS NULL`,
    )
    .get() as ViewCounts;
}
