import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../db/sha256';
import { analyzePage } from '../../../electron/core/clip/extract';
import { dispatch } from '../../../electron/core/dispatch';
import { readAssetForServing } from '../../../electron/core/services/assets';
import { clipPaths } from '../../../electron/core/services/clip';
import { makeTestCore } from '../../helpers/core';

// A "Webpage, complete" save written for this test: og:image points at the web, the browser saved its copy in crane-report_files/.
const SAVED = new URL('../../fixtures/clip/lead-image/', import.meta.url);
const CRANE = readFileSync(new URL('crane-report_files/crane-lift.png', SAVED));
const MAP = readFileSync(new URL('crane-report_files/harbour-map.png', SAVED));

describe('lead image of a saved page', () => {
  let core: ReturnType<typeof makeTestCore>;
  let dir: string;
  beforeEach(() => {
    core = makeTestCore();
    dir = core.dir.file('saved');
    cpSync(SAVED, dir, { recursive: true });
  });
  afterEach(() => core.close());

  const leadOf = async (path: string): Promise<{ sha: string | null; status: unknown; result: Awaited<ReturnType<typeof clipPaths>>[number] }> => {
    const [result] = await clipPaths(core.ctx, [path]);
    expect(result!.status).toBe('clipped');
    const article = (await dispatch(core.handlers, 'articles.get', { id: result!.articleId })) as { ok: true; value: { leadImageSha256: string | null; fieldStatus: Record<string, unknown> } };
    return { sha: article.value.leadImageSha256, status: article.value.fieldStatus.leadImage, result: result! };
  };

  it('resolves og:image to its local copy by file name, stores it once by SHA-256, even when the article body does not show it', async () => {
    const { sha, status } = await leadOf(`${dir}/crane-report.html`);
    expect(sha).toBe(sha256Hex(CRANE));
    expect(status).toBe('found');
    expect(readAssetForServing(core.ctx, sha!)).toMatchObject({ mimeType: 'image/png' });
    expect(Buffer.from(readAssetForServing(core.ctx, sha!)!.bytes).equals(CRANE)).toBe(true);
    // Re-clipping a copy saved elsewhere adds no second asset row.
    const again = core.dir.file('saved-again');
    cpSync(SAVED, again, { recursive: true });
    writeFileSync(`${again}/crane-report.html`, readFileSync(`${again}/crane-report.html`, 'utf8').replace('eleven of the bolts', 'twelve of the bolts'));
    await clipPaths(core.ctx, [`${again}/crane-report.html`]);
    expect((core.ctx.db.prepare('SELECT count(*) AS n FROM assets WHERE sha256 = ?').get(sha) as { n: number }).n).toBe(1);
  });

  it("falls back to the article's first local image when og:image has no local copy", async () => {
    rmSync(`${dir}/crane-report_files/crane-lift.png`);
    writeFileSync(`${dir}/crane-report.html`, readFileSync(`${dir}/crane-report.html`, 'utf8').replace('<div class="hero"><img src="./crane-report_files/crane-lift.png" alt="The dock crane"></div>', ''));
    const { sha, status } = await leadOf(`${dir}/crane-report.html`);
    expect(sha).toBe(sha256Hex(MAP));
    expect(status).toBe('found');
  });

  it('never stores or links a remote lead image for a file clip: with no local image the lead is missing', async () => {
    const html = readFileSync(`${dir}/crane-report.html`, 'utf8')
      .replace('<div class="hero"><img src="./crane-report_files/crane-lift.png" alt="The dock crane"></div>', '')
      .replace('<figure><img src="crane-report_files/harbour-map.png" alt="Map of the harbour"></figure>', '');
    rmSync(`${dir}/crane-report_files`, { recursive: true });
    writeFileSync(`${dir}/crane-report.html`, html);
    const { sha, status, result } = await leadOf(`${dir}/crane-report.html`);
    expect(sha).toBeNull();
    expect(status).toBe('missing');
    const version = core.ctx.db.prepare('SELECT content_html FROM article_versions WHERE id = ?').get(result.versionId) as { content_html: string };
    expect(version.content_html).not.toContain('cdn.example.org');
    expect((core.ctx.db.prepare('SELECT count(*) AS n FROM assets').get() as { n: number }).n).toBe(0);
  });

  it('hands the lead image to the caller as a key, keeping og:image as the found URL', () => {
    const analysis = analyzePage({ bytes: readFileSync(new URL('crane-report.html', SAVED)), filename: 'crane-report.html' });
    expect(analysis.leadImageKey).toBe('local:./crane-report_files/crane-lift.png');
    expect(analysis.metadata.leadImageUrl).toBe('https://cdn.example.org/img/crane-lift.png?w=1200');
    const online = analyzePage({ bytes: readFileSync(new URL('crane-report.html', SAVED)), url: 'https://news.example.org/2025/04/crane-report.html' });
    expect(online.leadImageKey).toBe('https://cdn.example.org/img/crane-lift.png?w=1200');
  });
});
