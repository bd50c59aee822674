import type { Db } from '../connection';
import type { Article, ArticleContent, ArticleSummary, ArticleVersion, DescriptiveMetadata, FieldStatus, MetadataField, ReadingState, SourceKind } from '../../shared/domain/article';
import { prepared } from '../statements';
import { LATEST_VERSIONS } from './latestVersions';
import { sha256Hex } from '../sha256';
import { packBodies, readHtml, readOriginal } from '../versionBodies';

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

const SUMMARY_COLUMNS = `a.id, a.title, a.byline, a.site_name, a.published_at, a.canonical_url, a.excerpt,
         a.created_at, a.updated_at, a.reading_state, a.starred,
         v.word_count, v.version_no AS version_count, v.id AS latest_version_id`;
/** What getArticle adds to a summary. */
const DETAIL_COLUMNS = `a.authors_json, a.modified_at, a.lang, a.lead_image_sha256, a.metadata_json`;
const ARTICLES_WITH_LATEST_VERSION = `FROM articles a JOIN ${LATEST_VERSIONS} v ON v.article_id = a.id`;

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

/** Summaries of these articles, in no particular order; ids that do not exist are skipped. */
export function articleSummariesByIds(db: Db, ids: readonly number[]): ArticleSummary[] {
  return (db.prepare(`SELECT ${SUMMARY_COLUMNS} ${ARTICLES_WITH_LATEST_VERSION} WHERE a.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as ArticleSummaryRow[]).map(rowToSummary);
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

/** Newest clip first; not those in the trash. */
export function listArticles(db: Db): ArticleSummary[] {
  return db.prepare<[], ArticleSummaryRow>(`SELECT ${SUMMARY_COLUMNS} ${ARTICLES_WITH_LATEST_VERSION} WHERE a.trashed_at IS NULL ORDER BY a.created_at DESC, a.id DESC`).all().map(rowToSummary);
}

export function getArticle(db: Db, id: number): Article | undefined {
  const row = db
    .prepare<[number], ArticleRow>(
      `SELECT ${SUMMARY_COLUMNS}, ${DETAIL_COLUMNS} ${ARTICLES_WITH_LATEST_VERSION} WHERE a.id = ?`,
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
    .prepare<[number], { id: number; article_id: number; content_html: string; content_html_z: Buffer | null; content_text: string }>(
      `SELECT id, article_id, content_html, content_html_z, content_text FROM article_versions WHERE id = ?`,
    )
    .get(versionId);
  return row && { versionId: row.id, articleId: row.article_id, html: readHtml(row), text: row.content_text };
}

// ── Write side (clipping) ─────────────────────────────────────────────────────

export interface NewAsset {
  sha256: string;
  mimeType: string;
  bytes: Uint8Array;
}

/** Stores an asset once: the same bytes clipped again reuse the row (dedup by SHA-256). */
export function insertAsset(db: Db, asset: NewAsset, now: string): void {
  db.prepare(`INSERT INTO assets (sha256, mime_type, size, bytes, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING`).run(
    asset.sha256,
    asset.mimeType,
    asset.bytes.length,
    Buffer.from(asset.bytes),
    now,
  );
}

export function getAsset(db: Db, sha256: string): { mimeType: string; bytes: Buffer } | undefined {
  const row = db.prepare<[string], { mime_type: string; bytes: Buffer }>(`SELECT mime_type, bytes FROM assets WHERE sha256 = ?`).get(sha256);
  return row && { mimeType: row.mime_type, bytes: row.bytes };
}

/** The article a re-clip belongs to: same canonical URL first, else any version with the same clean text. */
export function findArticleForReclip(db: Db, canonicalUrl: string | null, textSha256: string): number | undefined {
  if (canonicalUrl) {
    const byUrl = prepared<[string], { id: number }>(db, `SELECT id FROM articles WHERE canonical_url = ?`).get(canonicalUrl);
    if (byUrl) return byUrl.id;
  }
  const byText = prepared<[string], { article_id: number }>(db, `SELECT article_id FROM article_versions WHERE text_sha256 = ? ORDER BY id LIMIT 1`).get(textSha256);
  return byText?.article_id;
}

export function latestVersionOf(db: Db, articleId: number): { id: number; versionNo: number; textSha256: string } | undefined {
  const row = prepared<[number], { id: number; version_no: number; text_sha256: string }>(
    db,
    `SELECT id, version_no, text_sha256 FROM ${LATEST_VERSIONS} v WHERE v.article_id = ?`,
  ).get(articleId);
  return row && { id: row.id, versionNo: row.version_no, textSha256: row.text_sha256 };
}

export interface ArticleMetadataValues extends DescriptiveMetadata {
  title: string;
  byline: string | null;
  leadImageSha256: string | null;
  fieldStatus: Partial<Record<MetadataField, FieldStatus>>;
}

export function insertArticle(db: Db, meta: ArticleMetadataValues, now: string): number {
  const result = prepared(
      db,
      `INSERT INTO articles (canonical_url, title, byline, authors_json, site_name, published_at, modified_at, lang, excerpt,
                             lead_image_sha256, metadata_json, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      meta.canonicalUrl,
      meta.title,
      meta.byline,
      JSON.stringify(meta.authors),
      meta.siteName,
      meta.publishedAt,
      meta.modifiedAt,
      meta.lang,
      meta.excerpt,
      meta.leadImageSha256,
      JSON.stringify({ fieldStatus: meta.fieldStatus }),
      now,
      now,
    );
  return Number(result.lastInsertRowid);
}

const FIELD_COLUMNS: Record<MetadataField, string[]> = {
  title: ['title'],
  authors: ['byline', 'authors_json'],
  siteName: ['site_name'],
  publishedAt: ['published_at'],
  modifiedAt: ['modified_at'],
  canonicalUrl: ['canonical_url'],
  lang: ['lang'],
  excerpt: ['excerpt'],
  leadImage: ['lead_image_sha256'],
};

function columnValues(meta: ArticleMetadataValues): Record<string, string | null> {
  return {
    title: meta.title,
    byline: meta.byline,
    authors_json: JSON.stringify(meta.authors),
    site_name: meta.siteName,
    published_at: meta.publishedAt,
    modified_at: meta.modifiedAt,
    canonical_url: meta.canonicalUrl,
    lang: meta.lang,
    excerpt: meta.excerpt,
    lead_image_sha256: meta.leadImageSha256,
  };
}

function readFieldStatus(db: Db, articleId: number): Partial<Record<MetadataField, FieldStatus>> {
  const row = db.prepare<[number], { metadata_json: string }>(`SELECT metadata_json FROM articles WHERE id = ?`).get(articleId);
  return row ? ((JSON.parse(row.metadata_json) as { fieldStatus?: Partial<Record<MetadataField, FieldStatus>> }).fieldStatus ?? {}) : {};
}

/**
 * A new version's metadata refreshes the article, except fields the user
 * edited (their edit wins) and found values a re-clip no longer finds (a
 * value is never replaced by nothing), and the canonical URL once set.
 */
export function refreshArticleMetadata(db: Db, articleId: number, meta: ArticleMetadataValues, now: string): void {
  const status = readFieldStatus(db, articleId);
  const values = columnValues(meta);
  const sets: string[] = [];
  const params: (string | null)[] = [];
  for (const [field, columns] of Object.entries(FIELD_COLUMNS) as [MetadataField, string[]][]) {
    if (status[field] === 'edited' || meta.fieldStatus[field] !== 'found') continue;
    if (field === 'canonicalUrl') {
      sets.push(`canonical_url = coalesce(canonical_url, ?)`);
      params.push(meta.canonicalUrl);
      continue;
    }
    for (const column of columns) {
      sets.push(`${column} = ?`);
      params.push(values[column] ?? null);
    }
    status[field] = 'found';
  }
  sets.push('metadata_json = ?', 'updated_at = ?');
  params.push(JSON.stringify({ fieldStatus: status }), now);
  db.prepare(`UPDATE articles SET ${sets.join(', ')} WHERE id = ?`).run(...params, articleId);
}

export interface NewVersion {
  articleId: number;
  clippedAt: string;
  sourceKind: SourceKind;
  sourceLocation: string | null;
  httpStatus: number | null;
  httpHeaders: Record<string, string> | null;
  /** The bytes as captured (page, file, paste): stored packed, with their SHA-256 and size. */
  original: Uint8Array;
  contentHtml: string;
  contentText: string;
  textSha256: string;
  wordCount: number;
  extractorVersion: string;
  warnings: string[];
  metadata: unknown;
  assets: { sha256: string; originalUrl: string | null }[];
}

export function insertVersion(db: Db, version: NewVersion): { id: number; versionNo: number } {
  const versionNo = (latestVersionOf(db, version.articleId)?.versionNo ?? 0) + 1;
  const { original } = version;
  const packed = packBodies(original, version.contentHtml, version.contentText);
  const result = prepared(
      db,
      `INSERT INTO article_versions (article_id, version_no, clipped_at, source_kind, source_location, http_status, http_headers_json,
                                     original_gzip, original_sha256, original_size, content_html, content_text, text_sha256,
                                     word_count, extractor_version, warnings_json, metadata_json, content_html_z, original_z)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      version.articleId,
      versionNo,
      version.clippedAt,
      version.sourceKind,
      version.sourceLocation,
      version.httpStatus,
      version.httpHeaders ? JSON.stringify(version.httpHeaders) : null,
      packed.originalGzip,
      sha256Hex(original),
      original.length,
      packed.contentHtml,
      version.contentText,
      version.textSha256,
      version.wordCount,
      version.extractorVersion,
      JSON.stringify(version.warnings),
      JSON.stringify(version.metadata),
      packed.contentHtmlZ,
      packed.originalZ,
    );
  const id = Number(result.lastInsertRowid);
  const link = prepared(db, `INSERT INTO article_version_assets (version_id, asset_sha256, original_url) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`);
  for (const asset of version.assets) link.run(id, asset.sha256, asset.originalUrl);
  return { id, versionNo };
}

/** The original bytes of a version, as captured, and how it was captured. */
export function getVersionOriginal(
  db: Db,
  versionId: number,
): { bytes: Buffer; sourceKind: SourceKind; sourceLocation: string | null; httpHeadersJson: string | null } | undefined {
  const row = db
    .prepare<
      [number],
      { original_gzip: Buffer; original_z: Buffer | null; content_text: string; source_kind: SourceKind; source_location: string | null; http_headers_json: string | null }
    >(`SELECT original_gzip, original_z, content_text, source_kind, source_location, http_headers_json FROM article_versions WHERE id = ?`)
    .get(versionId);
  return row && { bytes: readOriginal(row), sourceKind: row.source_kind, sourceLocation: row.source_location, httpHeadersJson: row.http_headers_json };
}

export type MetadataEdit = Partial<DescriptiveMetadata & { title: string }>;

/** A user's edit: the values change and each edited field is marked 'edited' (a re-clip will not overwrite it). */
export function updateArticleMetadata(db: Db, articleId: number, edit: MetadataEdit, now: string): boolean {
  const status = readFieldStatus(db, articleId);
  const sets: string[] = [];
  const params: (string | null)[] = [];
  const set = (field: MetadataField, column: string, value: string | null): void => {
    sets.push(`${column} = ?`);
    params.push(value);
    status[field] = 'edited';
  };
  if (edit.title !== undefined) set('title', 'title', edit.title);
  if (edit.authors !== undefined) {
    set('authors', 'authors_json', JSON.stringify(edit.authors));
    set('authors', 'byline', edit.authors.length ? edit.authors.join(', ') : null);
  }
  if (edit.siteName !== undefined) set('siteName', 'site_name', edit.siteName);
  if (edit.publishedAt !== undefined) set('publishedAt', 'published_at', edit.publishedAt);
  if (edit.modifiedAt !== undefined) set('modifiedAt', 'modified_at', edit.modifiedAt);
  if (edit.canonicalUrl !== undefined) set('canonicalUrl', 'canonical_url', edit.canonicalUrl);
  if (edit.lang !== undefined) set('lang', 'lang', edit.lang);
  if (edit.excerpt !== undefined) set('excerpt', 'excerpt', edit.excerpt);
  sets.push('metadata_json = ?', 'updated_at = ?');
  params.push(JSON.stringify({ fieldStatus: status }), now);
  return db.prepare(`UPDATE articles SET ${sets.join(', ')} WHERE id = ?`).run(...params, articleId).changes === 1;
}

/** Deletes an article with its versions, then the assets nothing references any more. */
export function deleteArticle(db: Db, articleId: number): boolean {
  const deleted = db.prepare(`DELETE FROM articles WHERE id = ?`).run(articleId).changes === 1;
  if (deleted) {
    db.prepare(
      `DELETE FROM assets WHERE sha256 NOT IN (SELECT asset_sha256 FROM article_version_assets)
         AND sha256 NOT IN (SELECT lead_image_sha256 FROM articles WHERE lead_image_sha256 IS NOT NULL)`,
    ).run();
  }
  return deleted;
}

// ── Pending URL clips (clipped while offline) ────────────────────────────────

export interface PendingClip {
  id: number;
  url: string;
  status: 'pending' | 'failed' | 'done';
  lastError: string | null;
  attempts: number;
  createdAt: string;
  updatedAt: string;
}

export function addPendingClip(db: Db, url: string, error: string, now: string): number {
  const existing = db.prepare<[string], { id: number }>(`SELECT id FROM pending_clips WHERE url = ? AND status = 'pending'`).get(url);
  if (existing) {
    db.prepare(`UPDATE pending_clips SET last_error = ?, attempts = attempts + 1, updated_at = ? WHERE id = ?`).run(error, now, existing.id);
    return existing.id;
  }
  return Number(
    db.prepare(`INSERT INTO pending_clips (url, status, last_error, attempts, created_at, updated_at) VALUES (?, 'pending', ?, 1, ?, ?)`).run(url, error, now, now)
      .lastInsertRowid,
  );
}

export function listPendingClips(db: Db, status?: PendingClip['status']): PendingClip[] {
  const rows = db
    .prepare<[string | null, string | null], { id: number; url: string; status: PendingClip['status']; last_error: string | null; attempts: number; created_at: string; updated_at: string }>(
      `SELECT id, url, status, last_error, attempts, created_at, updated_at FROM pending_clips WHERE (? IS NULL OR status = ?) ORDER BY id`,
    )
    .all(status ?? null, status ?? null);
  return rows.map((r) => ({ id: r.id, url: r.url, status: r.status, lastError: r.last_error, attempts: r.attempts, createdAt: r.created_at, updatedAt: r.updated_at }));
}

export function updatePendingClip(db: Db, id: number, status: PendingClip['status'], error: string | null, now: string): void {
  db.prepare(`UPDATE pending_clips SET status = ?, last_error = ?, attempts = attempts + 1, updated_at = ? WHERE id = ?`).run(status, error, now, id);
}
