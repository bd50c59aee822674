import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { readHtml, readOriginal, type StoredBodies, type StoredOriginal } from '../../../db/versionBodies';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../db/sha256';
import { dispatch } from '../../../electron/core/dispatch';
import { readAssetForServing } from '../../../electron/core/services/assets';
import { clipPaths, clipSource, fetchPendingClips } from '../../../electron/core/services/clip';
import { makeTestCore } from '../../helpers/core';

const FIXTURE_DIR = new URL('../../fixtures/clip/', import.meta.url);
const HARBOUR = new URL('harbour-report.html', FIXTURE_DIR);
const PNG = readFileSync(new URL('harbour-report_files/harbour.png', FIXTURE_DIR));

function articlePage(paragraph: string, canonical?: string): string {
  return `<html><head><title>Ferry timetable cut</title>${canonical ? `<link rel="canonical" href="${canonical}">` : ''}</head><body><article><h1>Ferry timetable cut</h1><p>${paragraph}</p><p>The operator said the winter timetable would run until March and that no crossings would be cancelled at short notice, a promise islanders said they had heard before.</p></article></body></html>`;
}

function counts(core: ReturnType<typeof makeTestCore>): Record<string, number> {
  const one = (table: string): number => (core.ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { articles: one('articles'), versions: one('article_versions'), assets: one('assets'), links: one('article_version_assets') };
}

describe('storing clips', () => {
  let core: ReturnType<typeof makeTestCore>;
  beforeEach(() => {
    core = makeTestCore();
  });
  afterEach(() => core.close());

  it('stores a saved page with its _files image, provenance and found/missing marks, in one go', async () => {
    const dir = core.dir.file('saved');
    cpSync(new URL('.', FIXTURE_DIR), dir, { recursive: true });
    const [result] = await clipPaths(core.ctx, [`${dir}/harbour-report.html`]);
    expect(result).toMatchObject({ status: 'clipped', title: 'Harbour dredging report leaves council split', error: null });
    const article = (await dispatch(core.handlers, 'articles.get', { id: result!.articleId })) as { ok: true; value: Record<string, unknown> & { versions: Record<string, unknown>[] } };
    expect(article.value).toMatchObject({ byline: 'Mara Lindqvist, Tomás Ferreira', siteName: 'Example Gazette', publishedAt: '2025-03-14T08:30:00.000Z', versionCount: 1 });
    expect(article.value.fieldStatus).toMatchObject({ title: 'found', authors: 'found', leadImage: 'found' });
    const original = readFileSync(HARBOUR);
    expect(article.value.versions[0]).toMatchObject({ sourceKind: 'file', sourceLocation: `${dir}/harbour-report.html`, originalSha256: sha256Hex(original), originalSize: original.length, httpStatus: null });
    expect(String(article.value.versions[0]!.extractorVersion)).toMatch(/readability/);
    // Stored packed (db/versionBodies.ts): read back through the same functions the app uses.
    const stored = core.ctx.db.prepare('SELECT original_gzip, original_z, content_html, content_html_z, content_text, text_sha256 FROM article_versions').get() as StoredOriginal & StoredBodies & { text_sha256: string };
    const row = { ...stored, content_html: readHtml(stored) };
    expect(readOriginal(stored).equals(original)).toBe(true);
    expect(row.text_sha256).toBe(sha256Hex(row.content_text));
    // The local image is in the store and referenced by the local scheme; the remote one was dropped with a note.
    const sha = sha256Hex(PNG);
    // Its caption stays on the image (title) and out of the text.
    expect(row.content_html).toContain(`<img title="The old harbour at low tide." src="dossier-asset:${sha}" alt="The old harbour at low tide">`);
    expect(row.content_text).not.toContain('The old harbour at low tide');
    expect(row.content_html).not.toMatch(/https:\/\/cdn\.example\.org/);
    expect(result!.warnings.join(' ')).toMatch(/1 image was dropped/);
    expect(readAssetForServing(core.ctx, sha)).toMatchObject({ mimeType: 'image/png' });
    expect(Buffer.from(readAssetForServing(core.ctx, sha)!.bytes).equals(PNG)).toBe(true);
    expect(counts(core)).toEqual({ articles: 1, versions: 1, assets: 1, links: 1 });
  });

  it('takes images dropped alongside a page (no folder access) by name, and deduplicates assets by SHA-256', async () => {
    const html = readFileSync(HARBOUR);
    const attachments = new Map([['harbour.png', new Uint8Array(PNG)]]);
    const first = await clipSource(core.ctx, { kind: 'file', name: 'harbour-report.html', bytes: html }, { attachments });
    expect(first.status).toBe('clipped');
    const other = Buffer.from(html.toString('utf8').replaceAll('harbour-dredging-report', 'another-story').replace('nearly twice', 'almost twice'));
    const second = await clipSource(core.ctx, { kind: 'file', name: 'another.html', bytes: other }, { attachments });
    expect(second.status).toBe('clipped');
    expect(counts(core)).toEqual({ articles: 2, versions: 2, assets: 1, links: 2 });
    // Deleting one article for good keeps the shared image; deleting the other removes it. (Delete moves to the Trash first.)
    await dispatch(core.handlers, 'articles.delete', { id: first.articleId });
    await dispatch(core.handlers, 'trash.deletePermanently', { items: [{ type: 'article', id: first.articleId }] });
    expect(counts(core).assets).toBe(1);
    await dispatch(core.handlers, 'articles.delete', { id: second.articleId });
    expect(counts(core).assets).toBe(1);
    await dispatch(core.handlers, 'trash.deletePermanently', { items: [{ type: 'article', id: second.articleId }] });
    expect(counts(core)).toEqual({ articles: 0, versions: 0, assets: 0, links: 0 });
  });

  it('re-clipping never duplicates nor overwrites: duplicate, new version by canonical URL, new version by text hash', async () => {
    const url = 'https://ferries.example.net/news/timetable';
    const v1 = await clipSource(core.ctx, { kind: 'paste', format: 'html', content: articlePage('Islanders learned on Monday that the evening ferry would stop running.', url) });
    expect(v1.status).toBe('clipped');
    const same = await clipSource(core.ctx, { kind: 'paste', format: 'html', content: articlePage('Islanders learned on Monday that the evening ferry would stop running.', url) });
    expect(same).toMatchObject({ status: 'duplicate', articleId: v1.articleId, versionId: v1.versionId });

    const edited = await clipSource(core.ctx, { kind: 'paste', format: 'html', content: articlePage('Islanders learned on Monday that the evening ferry would stop running from April.', `${url}?utm_source=x#top`) });
    expect(edited).toMatchObject({ status: 'new-version', articleId: v1.articleId });
    // The same text clipped again from a file without a canonical URL matches by text hash: a duplicate of the latest version.
    const byText = await clipSource(core.ctx, { kind: 'file', name: 'ferry.html', bytes: Buffer.from(articlePage('Islanders learned on Monday that the evening ferry would stop running from April.')) });
    expect(byText).toMatchObject({ status: 'duplicate', articleId: v1.articleId, versionId: edited.versionId });
    // The first version's text again is a new (third) version: older versions are kept as they were.
    const back = await clipSource(core.ctx, { kind: 'file', name: 'ferry.html', bytes: Buffer.from(articlePage('Islanders learned on Monday that the evening ferry would stop running.')) });
    expect(back).toMatchObject({ status: 'new-version', articleId: v1.articleId });
    const article = (await dispatch(core.handlers, 'articles.get', { id: v1.articleId })) as { ok: true; value: { versionCount: number; versions: { versionNo: number; clippedAt: string }[] } };
    expect(article.value.versionCount).toBe(3);
    expect(article.value.versions.map((v) => v.versionNo)).toEqual([1, 2, 3]);
    expect(counts(core).articles).toBe(1);
  });

  it('a re-clip that fails after its version is written aborts the whole clip: nothing half-stored', async () => {
    const url = 'https://ferries.example.net/news/hook';
    await clipSource(core.ctx, { kind: 'paste', format: 'html', content: articlePage('First text of the story, as it was on Monday morning.', url) });
    const before = counts(core);
    // Refreshing the article's metadata comes after the new version's insert, in the same transaction.
    core.ctx.db.exec(`CREATE TEMP TRIGGER fail_refresh BEFORE UPDATE ON articles BEGIN SELECT RAISE(ABORT, 're-anchoring failed'); END`);
    try {
      const result = await clipSource(core.ctx, { kind: 'paste', format: 'html', content: articlePage('Second text of the story, as it was on Monday evening.', url) });
      expect(result.status).toBe('failed');
      expect(result.error).toMatch(/re-anchoring failed/);
    } finally {
      core.ctx.db.exec('DROP TRIGGER fail_refresh');
    }
    expect(counts(core)).toEqual(before);
  });

  it('user edits are marked edited and survive a re-clip', async () => {
    const url = 'https://ferries.example.net/news/edit';
    const v1 = await clipSource(core.ctx, { kind: 'paste', format: 'html', content: articlePage('The council met on Tuesday to discuss the ferry.', url) });
    const edited = await dispatch(core.handlers, 'articles.updateMetadata', { id: v1.articleId, title: 'Ferry cuts (council meeting)', authors: ['R. Okafor'], publishedAt: '2025-01-07' });
    expect(edited).toMatchObject({ ok: true, value: { title: 'Ferry cuts (council meeting)', byline: 'R. Okafor', authors: ['R. Okafor'], publishedAt: '2025-01-07', fieldStatus: { title: 'edited', authors: 'edited', publishedAt: 'edited' } } });
    await clipSource(core.ctx, { kind: 'paste', format: 'html', content: articlePage('The council met on Tuesday to discuss the ferry again.', url) });
    const after = (await dispatch(core.handlers, 'articles.get', { id: v1.articleId })) as { ok: true; value: { title: string; versionCount: number; fieldStatus: Record<string, string> } };
    expect(after.value).toMatchObject({ title: 'Ferry cuts (council meeting)', versionCount: 2 });
    expect(after.value.fieldStatus.title).toBe('edited');
  });

  it('the original stays viewable as text', async () => {
    const result = await clipSource(core.ctx, { kind: 'file', name: 'harbour-report.html', bytes: readFileSync(HARBOUR) });
    const original = await dispatch(core.handlers, 'articles.originalText', { versionId: result.versionId });
    expect(original).toMatchObject({ ok: true, value: { sourceKind: 'file' } });
    const text = (original as { ok: true; value: { text: string } }).value.text;
    // The whole page, furniture included (that is the point of viewing the original).
    expect(text).toContain('£18.4 million');
    expect(text).toContain('Share this');
    expect(text).not.toContain('window.tracker');
  });
});

/** What the best efforts read: the declared charset wins when the bytes fit it (as in browsers); otherwise the bytes decide. */
const TEXT_AFTER_DECODING: Record<string, string> = {
  'wrong-charset.html': 'CafÃ© crÃ¨me',
  'odd-charset.html': 'Café crème',
  'utf16.html': 'Café crème',
  'latin1.html': 'Café crème',
  // One stray byte in "UTF-8": read as windows-1252 instead, with a warning.
  'bad-utf8.html': 'café au lait',
};
const GZIP_10MB_OF_SPACES = gzipSync(Buffer.alloc(10 * 1024 * 1024, 0x20), { level: 9 });

describe('bad input: a clear per-file error or a clean best effort, nothing half-stored', () => {
  let core: ReturnType<typeof makeTestCore>;
  beforeEach(() => {
    core = makeTestCore();
  });
  afterEach(() => core.close());

  const para = `<p>${'word '.repeat(100)}</p>`;
  const cases: [string, string, () => Buffer, RegExp | null][] = [
    ['empty file', 'empty.html', () => Buffer.alloc(0), /empty/],
    ['binary data', 'photo.html', () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), /binary/],
    ['not a page (JSON)', 'data.json', () => Buffer.from('{"a": 1}'), /neither/],
    ['a 50 MB page', 'huge.html', () => Buffer.from(`<html><body>${para.repeat(Math.ceil(50e6 / para.length))}</body></html>`), /24 MB/],
    ['a million elements', 'many.html', () => Buffer.from(`<html><body>${'<span>a</span>'.repeat(1e6)}</body></html>`), /200,000 elements/],
    ['markup nested 100,000 deep', 'deep.html', () => Buffer.from(`<html><body>${'<div>'.repeat(100_000)}${para}${'</div>'.repeat(100_000)}</body></html>`), /2,000 levels/],
    // 1 GB of page once expanded, from ~1 MB on disk (gzip members concatenated); stopped at 24 MB while inflating.
    ['a gzip bomb (.html.gz expanding to 1 GB)', 'bomb.html.gz', () => Buffer.concat(Array.from({ length: 100 }, () => GZIP_10MB_OF_SPACES)), /expands to more than 24 MB/],
    ['binary data named .html.gz', 'photo.html.gz', () => gzipSync(Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))), /binary/],
    ['a PNG named .html', 'image.html', () => PNG, /binary/],
    ['a page with no text', 'blank.html', () => Buffer.from('<html><head><title>x</title></head><body><div></div></body></html>'), /no readable text/],
    ['a corrupt .html.gz', 'bad.html.gz', () => Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3]), /could not be decompressed/],
    // Best efforts: stored, with a warning.
    ['markup nested 1,000 deep', 'deep1000.html', () => Buffer.from(`<html><body>${'<div>'.repeat(1000)}${para}${'</div>'.repeat(1000)}</body></html>`), null],
    ['invalid UTF-8 declared as UTF-8', 'bad-utf8.html', () => Buffer.concat([Buffer.from(`<html><head><meta charset="utf-8"></head><body><article>${para}<p>caf`), Buffer.from([0xe9]), Buffer.from(' au lait</p></article></body></html>')]), null],
    ['plain text named .html', 'note.html', () => Buffer.from('Just a line of notes'), null],
    ['UTF-8 declared as windows-1252 (wrong charset)', 'wrong-charset.html', () => Buffer.from(`<html><head><meta charset="windows-1252"></head><body><article>${para}<p>Café crème</p></article></body></html>`), null],
    ['an unknown declared charset', 'odd-charset.html', () => Buffer.from(`<html><head><meta charset="x-made-up"></head><body><article>${para}<p>Café crème</p></article></body></html>`), null],
    ['UTF-16 with a BOM', 'utf16.html', () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`<html><body><article>${para}<p>Café crème</p></article></body></html>`, 'utf16le')]), null],
    ['invalid UTF-8 with no declaration', 'latin1.html', () => Buffer.from(`<html><body><article>${para}<p>Caf\u00e9 cr\u00e8me</p></article></body></html>`, 'latin1'), null],
    ['a page with no article', 'nav.html', () => Buffer.from('<html><body><nav><a href="/">Home</a></nav><div>Only a short line.</div></body></html>'), null],
  ];

  it.each(cases)('%s', async (_label, name, make, expectedError) => {
    const path = core.dir.file(name);
    writeFileSync(path, make());
    const started = performance.now();
    const [result] = await clipPaths(core.ctx, [path]);
    const elapsed = performance.now() - started;
    console.log(`bad input "${_label}": ${result!.status} in ${elapsed.toFixed(0)} ms${result!.error ? ` (${result!.error})` : ''}`);
    expect(elapsed).toBeLessThan(10_000);
    if (expectedError) {
      expect(result).toMatchObject({ status: 'failed', articleId: null });
      expect(result!.error).toMatch(expectedError);
      expect(counts(core)).toEqual({ articles: 0, versions: 0, assets: 0, links: 0 });
    } else {
      expect(result!.status, result!.error ?? '').toBe('clipped');
      expect(counts(core).versions).toBe(1);
      const text = (core.ctx.db.prepare('SELECT content_text FROM article_versions').pluck().get() as string);
      if (TEXT_AFTER_DECODING[name]) expect(text).toContain(TEXT_AFTER_DECODING[name]);
      expect(text).toBe(text.normalize('NFC'));
      expect(text).not.toMatch(/[\uD800-\uDFFF]/u);
    }
  });

  it('a batch reports each file separately and stores the good ones', async () => {
    writeFileSync(core.dir.file('good.txt'), 'Good title\nA good paragraph.\n');
    writeFileSync(core.dir.file('empty.txt'), '');
    const results = await clipPaths(core.ctx, [core.dir.file('good.txt'), core.dir.file('empty.txt'), core.dir.file('missing.html')]);
    expect(results.map((r) => r.status)).toEqual(['clipped', 'failed', 'failed']);
    expect(results[2]!.error).toMatch(/No such file/);
  });

  it('the renderer cannot clip by path; the base64 size cap is a clear error', async () => {
    const untrusted = makeTestCore();
    try {
      const refused = await dispatch(untrusted.handlers, 'clip.files', { paths: ['/etc/passwd'] });
      expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    } finally {
      untrusted.close();
    }
    const tooBig = await dispatch(core.handlers, 'clip.save', { inputs: [{ kind: 'file', name: 'x.html', dataBase64: 'A'.repeat(33 * 1024 * 1024) }] });
    expect(tooBig).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((tooBig as { error: { message: string } }).error.message).toMatch(/larger than 24 MB/);
  });
});

/** The test server is on 127.0.0.1: the user's confirmation that this private host may be clipped. */
const LOCAL = { allowPrivateHosts: ['127.0.0.1'] };

describe('URL clips (a local HTTP server stands in for the web)', () => {
  let core: ReturnType<typeof makeTestCore>;
  let server: Server;
  let base: string;
  let online = true;
  beforeEach(async () => {
    core = makeTestCore();
    online = true;
    server = createServer((req, res) => {
      if (!online) {
        req.socket.destroy();
        return;
      }
      if (req.url === '/old') res.writeHead(301, { Location: '/story' }).end();
      else if (req.url === '/loop') res.writeHead(302, { Location: '/loop' }).end();
      else if (req.url === '/story')
        res
          .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Last-Modified': 'Tue, 04 Mar 2025 10:00:00 GMT' })
          .end(`<html><head><title>Story</title></head><body><article><h1>Story</h1><img src="/pic.png" alt="pic"><p>${'Reporting from the harbour wall. '.repeat(20)}</p></article></body></html>`);
      else if (req.url === '/pic.png') res.writeHead(200, { 'Content-Type': 'image/png' }).end(PNG);
      else if (req.url === '/file.pdf') res.writeHead(200, { 'Content-Type': 'application/pdf' }).end('%PDF-1.4');
      else res.writeHead(404).end('nope');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    core.close();
  });

  it('follows redirects, keeps status and headers, downloads images into the store', async () => {
    const result = await clipSource(core.ctx, { kind: 'url', url: `${base}/old` }, LOCAL);
    expect(result.status, result.error ?? '').toBe('clipped');
    const stored = core.ctx.db.prepare('SELECT source_kind, source_location, http_status, http_headers_json, content_html, content_html_z, content_text FROM article_versions').get() as StoredBodies & { http_headers_json: string };
    const row = { ...stored, content_html: readHtml(stored) };
    expect(row).toMatchObject({ source_kind: 'url', source_location: `${base}/story`, http_status: 200 });
    expect(JSON.parse(row.http_headers_json!)).toMatchObject({ 'content-type': 'text/html; charset=utf-8', 'last-modified': 'Tue, 04 Mar 2025 10:00:00 GMT', 'x-dossier-requested-url': `${base}/old` });
    expect(row.content_html).toContain(`dossier-asset:${sha256Hex(PNG)}`);
  });

  it('refuses redirect loops, error statuses and non-page content types', async () => {
    expect((await clipSource(core.ctx, { kind: 'url', url: `${base}/loop` }, LOCAL)).error).toMatch(/Too many redirects/);
    expect((await clipSource(core.ctx, { kind: 'url', url: `${base}/gone` }, LOCAL)).error).toMatch(/404/);
    expect((await clipSource(core.ctx, { kind: 'url', url: `${base}/file.pdf` }, LOCAL)).error).toMatch(/application\/pdf/);
    expect(counts(core).versions).toBe(0);
  });

  it('offline: the URL becomes a pending clip, fetched later with clip.fetchPending', async () => {
    online = false;
    const result = await clipSource(core.ctx, { kind: 'url', url: `${base}/story` }, LOCAL);
    expect(result.status).toBe('pending');
    expect(result.error).toMatch(/Pending clips/);
    // One sentence a journalist can read, not the resolver's code twice.
    expect(result.error).toMatch(/^No network: will retry when online \(.+\)\. The address is kept in Pending clips\.$/);
    expect(result.error).not.toMatch(/ENOTFOUND|ECONNREFUSED|getaddrinfo|fetch failed/);
    expect(await dispatch(core.handlers, 'clip.pending', {})).toMatchObject({ ok: true, value: [{ url: `${base}/story`, status: 'pending' }] });
    online = true;
    const fetched = await fetchPendingClips(core.ctx, LOCAL);
    expect(fetched.map((r) => r.status)).toEqual(['clipped']);
    expect(await dispatch(core.handlers, 'clip.pending', {})).toMatchObject({ ok: true, value: [{ status: 'done' }] });
  });
});
