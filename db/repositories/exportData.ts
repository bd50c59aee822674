import type { Db } from '../connection';

/** Read-only queries the exporter needs, as rows; export/ maps them to its own plain types. */

export interface ExportNoteRow {
  id: number;
  title: string;
  content_json: string;
  created_at: string;
  updated_at: string;
  tags_json: string;
  projects_json: string;
}

export function notesByIds(db: Db, ids: readonly number[]): ExportNoteRow[] {
  if (ids.length === 0) return [];
  const rows = db
    .prepare<[string], ExportNoteRow>(
      `SELECT n.id, n.title, n.content_json, n.created_at, n.updated_at,
              (SELECT json_group_array(name) FROM (SELECT t.name FROM note_tags nt JOIN tags t ON t.id = nt.tag_id
                                                   WHERE nt.note_id = n.id ORDER BY t.name)) AS tags_json,
              (SELECT json_group_array(name) FROM (SELECT p.name FROM project_notes pn JOIN projects p ON p.id = pn.project_id
                                                   WHERE pn.note_id = n.id ORDER BY p.name)) AS projects_json
       FROM notes n
       WHERE n.id IN (SELECT value FROM json_each(?)) ORDER BY n.id`,
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
  /** Set when the article is in the Trash: its quotes keep their citation, but it is not exported as a source. */
  trashed_at: string | null;
}

export function articleById(db: Db, id: number): ArticleRow | undefined {
  return db
    .prepare<[number], ArticleRow>(
      `SELECT id, canonical_url, title, byline, authors_json, site_name, published_at, lang, lead_image_sha256, created_at, trashed_at
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

export interface HighlightRow {
  exact: string;
  color: string;
  label: string | null;
  comment: string | null;
}

/** An article's highlights in reading order (of the version each was made on), with their labels and comments. */
export function highlightsOfArticle(db: Db, articleId: number): HighlightRow[] {
  return db
    .prepare<[number], HighlightRow>(
      `SELECT p.exact, h.color, h.label, h.comment FROM highlights h JOIN passages p ON p.id = h.passage_id
        WHERE p.article_id = ? ORDER BY coalesce(p.anchor_start, p.start_offset), p.id`,
    )
    .all(articleId);
}
