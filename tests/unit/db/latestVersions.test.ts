import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as articles from '../../../db/repositories/articles';
import { LATEST_VERSIONS } from '../../../db/repositories/latestVersions';
import { sha256Hex } from '../../../db/sha256';
import { makeTestCore } from '../../helpers/core';

describe('the latest version of each article', () => {
  let core: ReturnType<typeof makeTestCore>;
  beforeEach(() => {
    core = makeTestCore();
  });
  afterEach(() => core.close());

  function clip(articleId: number, text: string): number {
    return articles.insertVersion(core.ctx.db, {
      articleId,
      clippedAt: '2026-01-01T00:00:00.000Z',
      sourceKind: 'paste',
      sourceLocation: null,
      httpStatus: null,
      httpHeaders: null,
      original: Buffer.from(text),
      contentHtml: `<p>${text}</p>`,
      contentText: text,
      textSha256: sha256Hex(text),
      wordCount: text.split(' ').length,
      extractorVersion: 'test',
      warnings: [],
      metadata: {},
      assets: [],
    }).id;
  }

  function seed(): { first: number; second: number; latestOfFirst: number; onlyOfSecond: number } {
    const meta = {
      byline: null,
      authors: [],
      siteName: null,
      publishedAt: null,
      modifiedAt: null,
      canonicalUrl: null,
      lang: null,
      excerpt: null,
    };
    const now = '2026-01-01T00:00:00.000Z';
    const first = articles.insertArticle(
      core.ctx.db,
      { ...meta, title: 'Harbour', leadImageSha256: null, fieldStatus: {} },
      now,
    );
    const second = articles.insertArticle(
      core.ctx.db,
      { ...meta, title: 'Ferry', leadImageSha256: null, fieldStatus: {} },
      now,
    );
    clip(first, 'The harbour committee met.');
    const onlyOfSecond = clip(second, 'The ferry stops in April.');
    clip(first, 'The harbour committee met on Tuesday.');
    const latestOfFirst = clip(first, 'The harbour committee met on Tuesday evening.');
    return { first, second, latestOfFirst, onlyOfSecond };
  }

  it('is one row per article, its highest version, wherever the repositories ask for it', () => {
    const { first, second, latestOfFirst, onlyOfSecond } = seed();
    const rows = core.ctx.db
      .prepare(`SELECT article_id, id, version_no FROM ${LATEST_VERSIONS} ORDER BY article_id`)
      .all();
    expect(rows).toEqual([
      { article_id: first, id: latestOfFirst, version_no: 3 },
      { article_id: second, id: onlyOfSecond, version_no: 1 },
    ]);
    expect(articles.latestVersionOf(core.ctx.db, first)).toMatchObject({ id: latestOfFirst, versionNo: 3 });
    expect(articles.getArticle(core.ctx.db, first)).toMatchObject({
      latestVersionId: latestOfFirst,
      versionCount: 3,
      wordCount: 7,
    });
    expect(
      articles
        .listArticles(core.ctx.db)
        .map((a) => a.latestVersionId)
        .sort(),
    ).toEqual([latestOfFirst, onlyOfSecond].sort());
  });

  it("is each article's highest version_no, whatever order the versions were inserted in", () => {
    seed();
    const fromConstant = core.ctx.db.prepare(`SELECT * FROM ${LATEST_VERSIONS} ORDER BY article_id`).all();
    const byHand = core.ctx.db
      .prepare(`SELECT v.* FROM article_versions v WHERE v.version_no = (SELECT max(version_no) FROM article_versions WHERE article_id = v.article_id) ORDER BY v.article_id`)
      .all();
    expect(fromConstant).toEqual(byHand);
    expect(fromConstant).toHaveLength(2);
  });
});
