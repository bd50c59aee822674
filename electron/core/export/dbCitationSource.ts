import type { Db } from '../../../db/connection';
import { getPassage } from '../../../db/repositories/passages';
import { articleById, versionById, versionsOfArticle, type ArticleRow, type VersionRow } from '../../../db/repositories/exportData';
import { occurrencesUpToTwo } from '../../../shared/citation/citationText';
import type { Passage } from '../../../shared/domain/passage';
import type { CitationSource, CitedArticle, CitedPassage } from '../../../shared/export/types';

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
      const found = getPassage(db, passageId);
      let cited: CitedPassage | undefined;
      if (found) {
        const { source, createdVersionId } = found;
        const art = source.articleId === null ? undefined : article(source.articleId, createdVersionId);
        const text = createdVersionId ? version(createdVersionId)?.content_text : undefined;
        cited = {
          passageId: found.id,
          exact: found.exact,
          prefix: found.prefix,
          suffix: found.suffix,
          status: found.anchor.status === 'source_deleted' ? 'orphan' : found.anchor.status,
          ...(text !== undefined ? { occurrences: occurrencesUpToTwo(text, found.exact) } : {}),
          article: art ?? snapshotArticle(found),
        };
      }
      passages.set(passageId, cited);
      return cited;
    },
  };
}

/** The citation a passage keeps of an article that was deleted from the library. */
function snapshotArticle({ source, createdAt }: Passage): CitedArticle {
  return { id: source.articleId ?? 0, title: source.title, authors: [], outlet: source.siteName, publishedAt: null, url: source.url, accessedAt: createdAt };
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
