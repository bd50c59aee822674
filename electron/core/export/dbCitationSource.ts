import type { Db } from '../../../db/connection';
import { articleById, columnsOf, tableExists, versionById, versionsOfArticle, type ArticleRow, type VersionRow } from '../../../db/repositories/exportData';
import type { AnchorStatus, CitationSource, CitedArticle, CitedPassage } from '../../../shared/export/types';

interface PassageRow {
  id: number;
  article_id: number;
  version_id: number | null;
  exact: string;
  prefix: string | null;
  suffix: string | null;
  status: string | null;
  start_offset: number | null;
  end_offset: number | null;
}

/**
 * The CitationSource over this database. The passages table comes with the
 * quoting work (not on this branch); its shape is discovered, not assumed:
 * status from `status`/`anchor_status` or the newest row of a `passage_anchors`
 * table, offsets from `start_offset`/`end_offset`
 * or `start`/`end`. With no status column, the status is recomputed by checking
 * the stored offsets against the version text, so a quote is never called
 * verbatim without evidence.
 */
export function dbCitationSource(db: Db): CitationSource & { article(id: number): CitedArticle | undefined } {
  const articles = new Map<number, CitedArticle | undefined>();
  const versions = new Map<number, VersionRow | undefined>();
  const passages = new Map<number, CitedPassage | undefined>();
  const lookup = passageQuery(db);

  const version = (id: number): VersionRow | undefined => {
    if (!versions.has(id)) versions.set(id, versionById(db, id));
    return versions.get(id);
  };
  const article = (id: number, versionId?: number | null): CitedArticle | undefined => {
    const key = versionId ? -versionId : id;
    if (!articles.has(key)) {
      const row = articleById(db, id);
      const v = versionId ? version(versionId) : versionsOfArticle(db, id).at(-1);
      articles.set(key, row && citedArticle(row, v));
    }
    return articles.get(key);
  };

  return {
    article: (id) => article(id),
    passage(passageId) {
      if (!lookup) return undefined;
      if (passages.has(passageId)) return passages.get(passageId);
      const row = lookup.get(passageId);
      let cited: CitedPassage | undefined;
      if (row) {
        const art = article(row.article_id, row.version_id);
        const text = row.version_id ? version(row.version_id)?.content_text : undefined;
        if (art) {
          cited = {
            passageId: row.id,
            exact: row.exact,
            prefix: row.prefix ?? '',
            suffix: row.suffix ?? '',
            status: statusOf(row, text),
            ...(text !== undefined ? { occurrences: countOccurrences(text, row.exact) } : {}),
            article: art,
          };
        }
      }
      passages.set(passageId, cited);
      return cited;
    },
  };
}

function passageQuery(db: Db): { get(id: number): PassageRow | undefined } | undefined {
  if (!tableExists(db, 'passages')) return undefined;
  const cols = columnsOf(db, 'passages');
  const pick = (...names: string[]): string => {
    const found = names.find((n) => cols.has(n));
    return found ? `"${found}"` : 'NULL';
  };
  let status = pick('status', 'anchor_status');
  // The design notes put anchoring results in their own table, one row per passage and version: use the newest.
  const anchors = ['passage_anchors', 'passage_anchor'].find((t) => tableExists(db, t) && columnsOf(db, t).has('passage_id') && columnsOf(db, t).has('status'));
  if (status === 'NULL' && anchors) {
    const order = columnsOf(db, anchors).has('version_id') ? 'ORDER BY version_id DESC' : 'ORDER BY rowid DESC';
    status = `(SELECT status FROM "${anchors}" WHERE passage_id = passages.id ${order} LIMIT 1)`;
  }
  const sql = `SELECT id, article_id, ${pick('version_id', 'created_version_id')} AS version_id, exact,
      ${pick('prefix')} AS prefix, ${pick('suffix')} AS suffix, ${status} AS status,
      ${pick('start_offset', 'start')} AS start_offset, ${pick('end_offset', 'end')} AS end_offset
    FROM passages WHERE id = ?`;
  const statement = db.prepare<[number], PassageRow>(sql);
  return { get: (id) => statement.get(id) };
}

function statusOf(row: PassageRow, text: string | undefined): AnchorStatus {
  if (row.status === 'ok' || row.status === 'changed' || row.status === 'orphan') return row.status;
  if (row.status !== null) return 'changed';
  if (text === undefined || row.start_offset === null || row.end_offset === null) return 'orphan';
  return text.slice(row.start_offset, row.end_offset) === row.exact ? 'ok' : 'changed';
}

function countOccurrences(text: string, exact: string): number {
  if (exact === '') return 0;
  let count = 0;
  for (let at = text.indexOf(exact); at !== -1 && count < 2; at = text.indexOf(exact, at + 1)) count += 1;
  return count;
}

export function citedArticle(row: ArticleRow, version: VersionRow | undefined): CitedArticle {
  return {
    id: row.id,
    title: row.title,
    authors: parseAuthors(row.authors_json, row.byline),
    outlet: row.site_name,
    publishedAt: row.published_at,
    url: row.canonical_url ?? (version?.source_kind === 'url' ? version.source_location : null),
    accessedAt: version?.clipped_at ?? null,
  };
}

function parseAuthors(json: string, byline: string | null): string[] {
  try {
    const value: unknown = JSON.parse(json);
    if (Array.isArray(value)) {
      const names = value
        .map((a: unknown) => (typeof a === 'string' ? a : typeof a === 'object' && a && 'name' in a ? String((a as { name: unknown }).name) : ''))
        .filter((a) => a.trim() !== '');
      if (names.length > 0) return names;
    }
  } catch {
    // fall through to the byline
  }
  return byline?.trim() ? [byline.trim()] : [];
}
