import type { Db } from '../../../db/connection';
import { articleById, versionById, versionsOfArticle, type ArticleRow, type VersionRow } from '../../../db/repositories/exportData';
import { occurrencesUpToTwo } from '../../../shared/citation/citationText';
import type { CitationSource, CitedArticle, CitedPassage } from '../../../shared/export/types';

interface PassageRow {
  id: number;
  article_id: number | null;
  created_version_id: number | null;
  exact: string;
  prefix: string;
  suffix: string;
  anchor_status: 'ok' | 'changed' | 'orphan' | 'source_deleted';
  source_title: string;
  source_site: string | null;
  source_url: string | null;
  created_at: string;
}

/**
 * The CitationSource over this database (passages, migration 003). A passage
 * is cited with the metadata of the version it was quoted from (its access
 * date is that version's clip time). A passage whose article was deleted is
 * still cited, from the title/outlet/URL snapshot the passage keeps, and
 * marked as no longer verifiable.
 */
export function dbCitationSource(db: Db): CitationSource & { article(id: number): CitedArticle | undefined } {
  const articles = new Map<number, CitedArticle | undefined>();
  const versions = new Map<number, VersionRow | undefined>();
  const passages = new Map<number, CitedPassage | undefined>();
  const lookup = db.prepare<[number], PassageRow>(
    `SELECT id, article_id, created_version_id, exact, prefix, suffix, anchor_status, source_title, source_site, source_url, created_at
     FROM passages WHERE id = ?`,
  );

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
      if (passages.has(passageId)) return passages.get(passageId);
      const row = lookup.get(passageId);
      let cited: CitedPassage | undefined;
      if (row) {
        const art = row.article_id === null ? undefined : article(row.article_id, row.created_version_id);
        const text = row.created_version_id ? version(row.created_version_id)?.content_text : undefined;
        cited = {
          passageId: row.id,
          exact: row.exact,
          prefix: row.prefix,
          suffix: row.suffix,
          status: row.anchor_status === 'source_deleted' ? 'orphan' : row.anchor_status,
          ...(text !== undefined ? { occurrences: occurrencesUpToTwo(text, row.exact) } : {}),
          article: art ?? snapshotArticle(row),
        };
      }
      passages.set(passageId, cited);
      return cited;
    },
  };
}

/** The citation a passage keeps of an article that was deleted from the library. */
function snapshotArticle(row: PassageRow): CitedArticle {
  return { id: row.article_id ?? 0, title: row.source_title, authors: [], outlet: row.source_site, publishedAt: null, url: row.source_url, accessedAt: row.created_at };
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
