import type { Db } from '../connection';
import type { Article, ArticleContent, ArticleSummary, ArticleVersion, FieldStatus, MetadataField, ReadingState, SourceKind } from '../../shared/domain/article';

interface ArticleSummaryRow {
  id: number;
  title: string;
  byline: string | null;
  site_name: string | null;
  published_at: string | null;
  canonical_url: string | null;
  excerpt: string | null;
  created_at: string;
  updated_at: string;
  reading_state: ReadingState;
  starred: number;
  word_count: number;
  version_count: number;
  latest_version_id: number;
}

interface ArticleRow extends ArticleSummaryRow {
  authors_json: string;
  modified_at: string | null;
  lang: string | null;
  lead_image_sha256: string | null;
  metadata_json: string;
}

interface VersionRow {
  id: number;
  article_id: number;
  version_no: number;
  clipped_at: string;
  source_kind: SourceKind;
  source_location: string | null;
  http_status: number | null;
  original_sha256: string;
  original_size: number;
  text_sha256: string;
  word_count: number;
  extractor_version: string;
  warnings_json: string;
}

// The latest version of each article, found through the (article_id, version_no) unique index.
const SUMMARY_SELECT = `
  SELECT a.id, a.title, a.byline, a.site_name, a.published_at, a.canonical_url, a.excerpt,
         a.created_at, a.updated_at, a.reading_state, a.starred,
         v.word_count, v.version_no AS version_count, v.id AS latest_version_id
  FROM articles a
  JOIN article_versions v ON v.article_id = a.id
   AND v.version_no = (SELECT max(version_no) FROM article_versions WHERE article_id = a.id)`;

function rowToSummary(row: ArticleSummaryRow): ArticleSummary {
  return {
    id: row.id,
    title: row.title,
    byline: row.byline,
    siteName: row.site_name,
    publishedAt: row.published_at,
    canonicalUrl: row.canonical_url,
    excerpt: row.excerpt,
    clippedAt: row.created_at,
    updatedAt: row.updated_at,
    wordCount: row.word_count,
    versionCount: row.version_count,
    latestVersionId: row.latest_version_id,
    readingState: row.reading_state,
    starred: row.starred === 1,
  };
}

function rowToVersion(row: VersionRow): ArticleVersion {
  return {
    id: row.id,
    articleId: row.article_id,
    versionNo: row.version_no,
    clippedAt: row.clipped_at,
    sourceKind: row.source_kind,
    sourceLocation: row.source_location,
    httpStatus: row.http_status,
    originalSha256: row.original_sha256,
    originalSize: row.original_size,
    textSha256: row.text_sha256,
    wordCount: row.word_count,
    extractorVersion: row.extractor_version,
    warnings: JSON.parse(row.warnings_json) as string[],
  };
}

/** Newest clip first. */
export function listArticles(db: Db): ArticleSummary[] {
  return db.prepare<[], ArticleSummaryRow>(`${SUMMARY_SELECT} ORDER BY a.created_at DESC, a.id DESC`).all().map(rowToSummary);
}

export function getArticle(db: Db, id: number): Article | undefined {
  const row = db
    .prepare<[number], ArticleRow>(
      `${SUMMARY_SELECT.replace('a.starred,', 'a.starred, a.authors_json, a.modified_at, a.lang, a.lead_image_sha256, a.metadata_json,')} WHERE a.id = ?`,
    )
    .get(id);
  if (!row) return undefined;
  return {
    ...rowToSummary(row),
    authors: JSON.parse(row.authors_json) as string[],
    modifiedAt: row.modified_at,
    lang: row.lang,
    leadImageSha256: row.lead_image_sha256,
    fieldStatus: (JSON.parse(row.metadata_json) as { fieldStatus?: Partial<Record<MetadataField, FieldStatus>> }).fieldStatus ?? {},
    versions: listVersions(db, id),
  };
}

export function listVersions(db: Db, articleId: number): ArticleVersion[] {
  return db
    .prepare<[number], VersionRow>(
      `SELECT id, article_id, version_no, clipped_at, source_kind, source_location, http_status, original_sha256,
              original_size, text_sha256, word_count, extractor_version, warnings_json
       FROM article_versions WHERE article_id = ? ORDER BY version_no`,
    )
    .all(articleId)
    .map(rowToVersion);
}

export function getVersionContent(db: Db, versionId: number): ArticleContent | undefined {
  const row = db
    .prepare<[number], { id: number; article_id: number; content_html: string; content_text: string }>(
      `SELECT id, article_id, content_html, content_text FROM article_versions WHERE id = ?`,
    )
    .get(versionId);
  return row && { versionId: row.id, articleId: row.article_id, html: row.content_html, text: row.content_text };
}
