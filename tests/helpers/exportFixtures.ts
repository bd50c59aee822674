import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { Db } from '../../db/connection';
import type { SerializedNode } from '../../shared/notes/editorState';

export { SEED_ARTICLE } from './fixtures';
export const HARBOUR_ARTICLE = fileURLToPath(new URL('../fixtures/export/harbour-article.txt', import.meta.url));

/** A text article file: first line the title, each further line a block (as clipping normalizes it). */
export function readTextArticle(path: string): { title: string; text: string } | undefined {
  if (!existsSync(path)) return undefined;
  const [title = '', ...lines] = readFileSync(path, 'utf8').normalize('NFC').split(/\r?\n/);
  return { title: title.trim(), text: lines.map((l) => l.trim()).filter((l) => l !== '').join('\n\n') };
}

const sha = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

export interface ArticleSeed {
  title: string;
  text: string;
  authors?: string[];
  outlet?: string | null;
  url?: string | null;
  publishedAt?: string | null;
  clippedAt?: string;
  images?: Array<{ bytes: Buffer; mime: string; url?: string }>;
}

/** Clean HTML as the clipper stores it for this text: one escaped paragraph per block. */
function cleanHtmlOf(text: string): string {
  const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return text
    .split(/\n{2,}/)
    .map((block) => `<p>${block.split('\n').map(escape).join('<br>')}</p>`)
    .join('');
}

export function insertArticle(db: Db, seed: ArticleSeed): { articleId: number; versionId: number } {
  const now = seed.clippedAt ?? '2026-08-19T10:00:00.000Z';
  return db.transaction(() => {
    const articleId = Number(
      db
        .prepare(
          `INSERT INTO articles (canonical_url, title, authors_json, site_name, published_at, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(seed.url ?? null, seed.title, JSON.stringify(seed.authors ?? []), seed.outlet ?? null, seed.publishedAt ?? null, now, now)
        .lastInsertRowid,
    );
    const original = Buffer.from(`<html><body>${seed.text}</body></html>`);
    const versionId = Number(
      db
        .prepare(
          `INSERT INTO article_versions (article_id, version_no, clipped_at, source_kind, source_location, original_gzip,
             original_sha256, original_size, content_html, content_text, text_sha256, word_count, extractor_version)
           VALUES (?, 1, ?, 'url', ?, ?, ?, ?, ?, ?, ?, ?, 'test')`,
        )
        .run(articleId, now, seed.url ?? null, gzipSync(original), sha(original), original.length, cleanHtmlOf(seed.text), seed.text, sha(seed.text), seed.text.split(/\s+/).length)
        .lastInsertRowid,
    );
    for (const image of seed.images ?? []) {
      const hash = sha(image.bytes);
      db.prepare(`INSERT OR IGNORE INTO assets (sha256, mime_type, size, bytes, created_at) VALUES (?, ?, ?, ?, ?)`).run(hash, image.mime, image.bytes.length, image.bytes, now);
      db.prepare(`INSERT INTO article_version_assets (version_id, asset_sha256, original_url) VALUES (?, ?, ?)`).run(versionId, hash, image.url ?? null);
    }
    return { articleId, versionId };
  })();
}

const CONTEXT = 32;

/** A passage of `exact` (its first occurrence from `from`) in a version's text, with 32 characters of context. */
export function insertPassage(
  db: Db,
  ref: { articleId: number; versionId: number },
  text: string,
  exact: string,
  status: 'ok' | 'changed' | 'orphan' = 'ok',
): number {
  const start = text.indexOf(exact);
  if (start === -1) throw new Error(`Fixture passage not in text: ${exact.slice(0, 40)}`);
  const end = start + exact.length;
  const article = db.prepare<[number], { title: string; site_name: string | null; canonical_url: string | null }>('SELECT title, site_name, canonical_url FROM articles WHERE id = ?').get(ref.articleId)!;
  return Number(
    db
      .prepare(
        `INSERT INTO passages (article_id, created_version_id, exact, prefix, suffix, start_offset, end_offset, exact_sha256,
           source_title, source_site, source_url, anchor_version_id, anchor_start, anchor_end, anchor_status, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '2026-01-01T00:00:00.000Z')`,
      )
      .run(
        ref.articleId, ref.versionId, exact, text.slice(Math.max(0, start - CONTEXT), start), text.slice(end, end + CONTEXT), start, end,
        createHash('sha256').update(exact).digest('hex'), article.title, article.site_name, article.canonical_url,
        status === 'orphan' ? null : ref.versionId, status === 'orphan' ? null : start, status === 'orphan' ? null : end, status,
      )
      .lastInsertRowid,
  );
}

// Serialized Lexical nodes, as the editor stores them.
export const text = (value: string, format = 0): SerializedNode => ({ type: 'text', version: 1, text: value, format, detail: 0, mode: 'normal', style: '' });
export const paragraph = (...children: SerializedNode[]): SerializedNode => ({ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, children });
export const heading = (tag: string, ...children: SerializedNode[]): SerializedNode => ({ type: 'heading', tag, version: 1, children });
export const blockQuote = (passageId: number | null, quoted: string): SerializedNode => ({ type: 'dossier-quote', version: 1, passageId, children: [text(quoted)] });
export const inlineQuote = (passageId: number | null, quoted: string): SerializedNode => ({ type: 'dossier-inline-quote', version: 1, passageId, children: [text(quoted)] });
export const stateJson = (...children: SerializedNode[]): string => JSON.stringify({ root: { type: 'root', version: 1, children } });

export function insertNote(db: Db, title: string, contentJson: string, at = '2026-08-20T09:00:00.000Z'): number {
  return Number(
    db
      .prepare(`INSERT INTO notes (title, content_json, content_text, created_at, updated_at, revision) VALUES (?, ?, '', ?, ?, 0)`)
      .run(title, contentJson, at, at).lastInsertRowid,
  );
}
