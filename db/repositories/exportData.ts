import type { Db } from '../connection';

/**
 * Read-only queries the exporter needs. Tables other helpers add (passages,
 * projects, tags) may be absent on this branch, so each is looked up first and
 * its columns checked before use: export degrades visibly, never silently.
 */

export function tableExists(db: Db, name: string): boolean {
  return db.prepare<[string], { n: number }>(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name)!.n === 1;
}

export function columnsOf(db: Db, table: string): Set<string> {
  // PRAGMA arguments cannot be bound; `table` comes only from our own constants.
  return new Set(db.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table.replace(/'/g, "''")}')`).all().map((c) => c.name));
}

export interface ExportNoteRow {
  id: number;
  title: string;
  content_json: string;
  created_at: string;
  updated_at: string;
}

export function notesByIds(db: Db, ids: readonly number[]): ExportNoteRow[] {
  if (ids.length === 0) return [];
  const rows = db
    .prepare<[string], ExportNoteRow>(
      `SELECT id, title, content_json, created_at, updated_at FROM notes
       WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    )
    .all(JSON.stringify(ids));
  return rows;
}

export interface ArticleRow {
  id: number;
  canonical_url: string | null;
  title: string;
  byline: string | null;
  authors_json: string;
  site_name: string | null;
  published_at: string | null;
  lang: string | null;
  lead_image_sha256: string | null;
  created_at: string;
}

export function articleById(db: Db, id: number): ArticleRow | undefined {
  return db
    .prepare<[number], ArticleRow>(
      `SELECT id, canonical_url, title, byline, authors_json, site_name, published_at, lang, lead_image_sha256, created_at
       FROM articles WHERE id = ?`,
    )
    .get(id);
}

export interface VersionRow {
  id: number;
  article_id: number;
  version_no: number;
  clipped_at: string;
  source_kind: 'file' | 'paste' | 'url';
  source_location: string | null;
  original_sha256: string;
  content_text: string;
  text_sha256: string;
}

const VERSION_COLUMNS = `id, article_id, version_no, clipped_at, source_kind, source_location, original_sha256, content_text, text_sha256`;

export function versionById(db: Db, id: number): VersionRow | undefined {
  return db.prepare<[number], VersionRow>(`SELECT ${VERSION_COLUMNS} FROM article_versions WHERE id = ?`).get(id);
}

export function versionsOfArticle(db: Db, articleId: number): VersionRow[] {
  return db
    .prepare<[number], VersionRow>(`SELECT ${VERSION_COLUMNS} FROM article_versions WHERE article_id = ? ORDER BY version_no`)
    .all(articleId);
}

export interface AssetRow {
  sha256: string;
  mime_type: string;
  bytes: Buffer;
  original_url: string | null;
}

export function assetsOfVersion(db: Db, versionId: number): AssetRow[] {
  return db
    .prepare<[number], AssetRow>(
      `SELECT a.sha256, a.mime_type, a.bytes, va.original_url
       FROM article_version_assets va JOIN assets a ON a.sha256 = va.asset_sha256
       WHERE va.version_id = ? ORDER BY a.sha256`,
    )
    .all(versionId);
}

export function assetBySha(db: Db, sha256: string): AssetRow | undefined {
  return db
    .prepare<[string], AssetRow>(`SELECT sha256, mime_type, bytes, NULL AS original_url FROM assets WHERE sha256 = ?`)
    .get(sha256);
}
