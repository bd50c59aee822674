import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as articles from '../../../db/repositories/articles';
import { sha256Hex } from '../../../db/sha256';
import { makeTestCore } from '../../helpers/core';

/** The repository takes and returns the original bytes: no gzip stream crosses its boundary either way. */
describe('version bodies in the articles repository', () => {
  let core: ReturnType<typeof makeTestCore>;
  beforeEach(() => {
    core = makeTestCore();
  });
  afterEach(() => core.close());

  function newArticle(): number {
    const meta = {
      title: 'Harbour',
      byline: null,
      authors: [],
      siteName: null,
      publishedAt: null,
      modifiedAt: null,
      canonicalUrl: null,
      lang: null,
      excerpt: null,
    };
    return articles.insertArticle(
      core.ctx.db,
      { ...meta, leadImageSha256: null, fieldStatus: {} },
      '2026-01-01T00:00:00.000Z',
    );
  }

  function newVersion(articleId: number, original: Uint8Array, text: string): number {
    return articles.insertVersion(core.ctx.db, {
      articleId,
      clippedAt: '2026-01-01T00:00:00.000Z',
      sourceKind: 'file',
      sourceLocation: '/tmp/harbour.html',
      httpStatus: null,
      httpHeaders: null,
      original,
      contentHtml: `<p>${text}</p>`,
      contentText: text,
      textSha256: sha256Hex(text),
      wordCount: 3,
      extractorVersion: 'test',
      warnings: [],
      metadata: {},
      assets: [],
    }).id;
  }

  it('stores the original packed, its SHA-256 and size taken from the bytes, and gives the same bytes back', () => {
    const text = 'The harbour committee met.';
    // Not UTF-8, not text: bytes must survive exactly.
    const original = Buffer.concat([
      Buffer.from('<html><body><p>'),
      Buffer.from([0xff, 0xfe, 0x00, 0x80]),
      Buffer.from(`${text}</p></body></html>`),
    ]);
    const id = newVersion(newArticle(), original, text);
    const row = core.ctx.db
      .prepare('SELECT original_gzip, original_z, original_sha256, original_size FROM article_versions WHERE id = ?')
      .get(id) as {
      original_gzip: Buffer;
      original_z: Buffer | null;
      original_sha256: string;
      original_size: number;
    };
    expect(row.original_gzip.length).toBe(0);
    expect(row.original_z).not.toBeNull();
    expect(row).toMatchObject({ original_sha256: sha256Hex(original), original_size: original.length });
    expect(articles.getVersionOriginal(core.ctx.db, id)!.bytes.equals(original)).toBe(true);
  });

  it('still reads a row written before migration 7 (plain gzip in original_gzip)', () => {
    const text = 'The harbour committee met.';
    const id = newVersion(newArticle(), Buffer.from(text), text);
    const legacy = Buffer.from(`<p>${text}</p> as clipped in 2025`);
    core.ctx.db
      .prepare('UPDATE article_versions SET original_gzip = ?, original_z = NULL WHERE id = ?')
      .run(gzipSync(legacy), id);
    expect(articles.getVersionOriginal(core.ctx.db, id)!.bytes.equals(legacy)).toBe(true);
  });
});
