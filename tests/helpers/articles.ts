import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import type { Db } from '../../db/connection';
import { normalizedText, type TextTreeNode } from '../../shared/text/normalizedText';
import { SEED_ARTICLE } from './fixtures';

/**
 * Test-only article insertion (raw INSERTs) until the clipping pipeline lands
 * on this branch; the lead switches these to the real clipper at merge.
 * content_text is derived from content_html with the canonical normalizedText().
 */
export interface Block {
  kind: 'p' | 'h2';
  text: string;
}

export { FIXTURES, HAVE_FIXTURES, NO_FIXTURES_REASON, SEED_ARTICLE } from './fixtures';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function blocksToHtml(blocks: Block[]): string {
  return blocks.map((b) => `<${b.kind}>${escapeHtml(b.text)}</${b.kind}>`).join('\n');
}

export function htmlToText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return normalizedText(document.body as unknown as TextTreeNode).text;
}

/** The seed article as the clipper must see it: title, headings, paragraphs, no form residue. */
export function readSeedArticle(): { title: string; blocks: Block[] } {
  const lines = readFileSync(SEED_ARTICLE, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
  const [title, ...rest] = lines;
  const body = rest.filter((line) => line !== '"*" indicates required fields');
  return {
    title: title!,
    blocks: body.map((text) => ({ kind: text.length < 80 && !/[.!?:;"”’)]$/.test(text) ? 'h2' : 'p', text })),
  };
}

export interface InsertedArticle {
  articleId: number;
  versionId: number;
}

export function insertArticle(
  db: Db,
  options: { title: string; blocks: Block[]; siteName?: string; url?: string; byline?: string; now?: string },
): InsertedArticle {
  const now = options.now ?? '2026-01-01T00:00:00.000Z';
  return db.transaction(() => {
    const articleId = Number(
      db
        .prepare(
          `INSERT INTO articles (canonical_url, title, byline, site_name, published_at, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(options.url ?? null, options.title, options.byline ?? null, options.siteName ?? null, '2025-11-20', now, now).lastInsertRowid,
    );
    const versionId = insertVersion(db, articleId, options.blocks, now);
    return { articleId, versionId };
  })();
}

/** Adds the next version of an article (a re-clip) and returns its id. */
export function insertVersion(db: Db, articleId: number, blocks: Block[], now = '2026-01-02T00:00:00.000Z'): number {
  const html = blocksToHtml(blocks);
  const text = htmlToText(html);
  const versionNo =
    (db.prepare<[number], { n: number | null }>('SELECT max(version_no) AS n FROM article_versions WHERE article_id = ?').get(articleId)?.n ?? 0) + 1;
  const sha = (s: string) => createHash('sha256').update(s).digest('hex');
  return Number(
    db
      .prepare(
        `INSERT INTO article_versions (article_id, version_no, clipped_at, source_kind, source_location, original_gzip,
           original_sha256, original_size, content_html, content_text, text_sha256, word_count, extractor_version)
         VALUES (?, ?, ?, 'paste', NULL, ?, ?, ?, ?, ?, ?, ?, 'test-helper')`,
      )
      .run(articleId, versionNo, now, Buffer.from(html), sha(html), html.length, html, text, sha(text), text.split(/\s+/).filter(Boolean).length)
      .lastInsertRowid,
  );
}
