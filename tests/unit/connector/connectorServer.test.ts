import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startConnectorServer, type ConnectorServer } from '../../../electron/core/connector/server';
import { connectorState } from '../../../electron/core/connector/state';
import * as articles from '../../../db/repositories/articles';
import { sha256Hex } from '../../../db/sha256';
import { quotesOfNote } from '../../../electron/core/services/passages';
import { DOSSIER_EXTENSION_ORIGIN } from '../../../shared/connector/protocol';
import { MAX_PAGE_BYTES } from '../../../shared/limits';
import { callOk, makeTestCore } from '../../helpers/core';

interface Reply {
  status: number;
  body: { ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string } };
}

/** A raw HTTP POST with exactly the headers given (Host and Origin included), as any local process could send. */
function post(port: number, path: string, headers: Record<string, string>, body: string | { declaredLength: number; chunk: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers: { Host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
    });
    req.on('error', reject);
    if (typeof body === 'string') req.end(body);
    else {
      req.setHeader('Content-Length', String(body.declaredLength));
      req.write(body.chunk);
    }
  });
}

const ARTICLE_TEXT = 'The harbour authority quietly doubled the dredging budget in March, according to minutes seen by this newspaper.';
const page = (extra = ''): string =>
  `<!doctype html><html><head><title>Harbour budget</title></head><body><article><h1>Harbour budget</h1><p>${ARTICLE_TEXT}</p>${extra}<p>The port's spokesperson declined to comment on the figures when reached on Tuesday evening by telephone.</p><p>Council members will debate the matter at their next session, which is open to the public.</p></article></body></html>`;

describe('the connector server', () => {
  let core: ReturnType<typeof makeTestCore>;
  let server: ConnectorServer;
  let token: string;
  const json = (t?: string): Record<string, string> => ({ Origin: DOSSIER_EXTENSION_ORIGIN, 'Content-Type': 'application/json', ...(t ? { Authorization: `Bearer ${t}` } : {}) });
  const capture = (over: Record<string, unknown> = {}, action = 'clip'): string =>
    JSON.stringify({ action, capture: { url: 'https://ledger.example/harbour', title: 'Harbour budget', html: page(), capturedAt: '2025-12-31T10:00:00.000Z', ...over } });

  beforeEach(async () => {
    core = makeTestCore();
    server = await startConnectorServer({ ctx: core.ctx, port: 0 });
    const { code } = await callOk<{ code: string }>(core, 'connector.startPairing', {});
    const paired = await post(server.port, '/connector/pair', json(), JSON.stringify({ code }));
    token = (paired.body.value as { token: string }).token;
  });
  afterEach(async () => {
    await server.close();
    core.close();
  });

  it('pairs with the code the app shows, once', async () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const { code } = await callOk<{ code: string }>(core, 'connector.startPairing', {});
    expect((await post(server.port, '/connector/pair', json(), JSON.stringify({ code: code === '000000' ? '000001' : '000000' }))).body.error?.message).toBe('Wrong pairing code.');
    expect((await post(server.port, '/connector/pair', json(), JSON.stringify({ code: 'abc' }))).body.error?.code).toBe('invalid_input');
  });

  it('refuses a foreign Host (DNS rebinding), a web page or another extension (Origin), no Origin, and non-JSON', async () => {
    expect((await post(server.port, '/connector/capture', { ...json(token), Host: `evil.example:${server.port}` }, capture())).status).toBe(421);
    expect((await post(server.port, '/connector/capture', { ...json(token), Origin: 'http://127.0.0.1:5173' }, capture())).status).toBe(403);
    expect((await post(server.port, '/connector/capture', { ...json(token), Origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' }, capture())).status).toBe(403);
    expect((await post(server.port, '/connector/capture', { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, capture())).status).toBe(403);
    expect((await post(server.port, '/connector/capture', { ...json(token), 'Content-Type': 'text/plain' }, capture())).status).toBe(415);
    expect(articles.listArticles(core.ctx.db)).toHaveLength(0);
  });

  it('refuses a capture without a paired token, with a wrong one, and after revocation', async () => {
    expect((await post(server.port, '/connector/capture', json(), capture())).status).toBe(401);
    expect((await post(server.port, '/connector/capture', json('not-a-token'), capture())).status).toBe(401);
    connectorState(core.ctx).pairing.revokeAll();
    const revoked = await post(server.port, '/connector/capture', json(token), capture());
    expect(revoked.status).toBe(401);
    expect(revoked.body.error?.message).toMatch(/not paired/);
    expect(articles.listArticles(core.ctx.db)).toHaveLength(0);
  });

  it('a Firefox extension pairs from its moz-extension:// origin; its token works from that origin only; the app lists and revokes each pairing at once', async () => {
    const firefox = 'moz-extension://0b6d4a1e-3c2f-4e8a-9d7b-5f1c2e3a4b5c';
    const fromFirefox = (t?: string): Record<string, string> => ({ ...json(t), Origin: firefox });
    expect((await post(server.port, '/connector/ping', fromFirefox(), '{}')).status).toBe(200);
    const { code } = await callOk<{ code: string }>(core, 'connector.startPairing', {});
    const paired = await post(server.port, '/connector/pair', fromFirefox(), JSON.stringify({ code, name: 'Dossier Clipper in Firefox on Linux' }));
    const foxToken = (paired.body.value as { token: string }).token;
    const clip = JSON.stringify({ action: 'clip', capture: { url: 'https://ledger.example/x', title: 'x', html: '<p>x</p>', capturedAt: '2025-12-31T10:00:00.000Z', extra: 1 } });
    // Past the token check, the schema refuses the extra key: so 200 + invalid_input means "token accepted".
    expect((await post(server.port, '/connector/capture', fromFirefox(foxToken), clip)).body.error?.code).toBe('invalid_input');
    expect((await post(server.port, '/connector/capture', json(foxToken), clip)).status, 'the Firefox token from the Chrome origin').toBe(401);
    expect((await post(server.port, '/connector/capture', fromFirefox(token), clip)).status, 'the Chrome token from the Firefox origin').toBe(401);
    expect((await post(server.port, '/connector/capture', { ...fromFirefox(foxToken), Origin: 'moz-extension://11111111-2222-4333-8444-555555555555' }, clip)).status).toBe(401);

    const list = await callOk<Array<{ id: string; name: string; origin: string; lastUsedAt: string | null }>>(core, 'connector.pairedExtensions', {});
    expect(list.map((e) => [e.name, e.origin])).toEqual([
      ['Browser extension', DOSSIER_EXTENSION_ORIGIN],
      ['Dossier Clipper in Firefox on Linux', firefox],
    ]);
    expect(list[1]!.lastUsedAt, 'the accepted capture counts as a use').not.toBeNull();
    expect(list[0]!.lastUsedAt).toBeNull();
    expect(await callOk(core, 'connector.revoke', { id: list[1]!.id })).toEqual({ id: list[1]!.id });
    const revoked = await post(server.port, '/connector/capture', fromFirefox(foxToken), clip);
    expect(revoked.status).toBe(401);
    expect(revoked.body.error?.message).toMatch(/revoked/);
    expect((await post(server.port, '/connector/capture', json(token), clip)).body.error?.code, 'the other pairing still works').toBe('invalid_input');
    expect((await callOk<unknown[]>(core, 'connector.pairedExtensions', {})).length).toBe(1);
  });

  it('clips a capture through the clip pipeline: capture time as clip time, SHA-256 of the captured HTML, script gone; re-clip is a duplicate', async () => {
    const html = page('<script>window.planted = 1</script><img src="https://tracker.example/p.gif">');
    const reply = await post(server.port, '/connector/capture', json(token), capture({ html }));
    expect(reply.body).toMatchObject({ ok: true, value: { status: 'clipped', title: 'Harbour budget' } });
    const versionId = reply.body.value!.versionId as number;
    const [version] = articles.listVersions(core.ctx.db, reply.body.value!.articleId as number);
    expect(version!.clippedAt).toBe('2025-12-31T10:00:00.000Z');
    expect(version!.originalSha256).toBe(sha256Hex(Buffer.from(html, 'utf8')));
    const content = articles.getVersionContent(core.ctx.db, versionId)!;
    expect(content.text).toContain(ARTICLE_TEXT);
    expect(content.html).not.toMatch(/script|tracker\.example/);
    const again = await post(server.port, '/connector/capture', json(token), capture({ html }));
    expect(again.body.value).toMatchObject({ status: 'duplicate', articleId: reply.body.value!.articleId });
  });

  it('a 50 MB page is refused with a clear message before it is read; a 25 MB page by the schema', async () => {
    const huge = await post(server.port, '/connector/capture', json(token), { declaredLength: 50 * 1024 * 1024, chunk: '{"action":"clip"' });
    expect(huge.status).toBe(413);
    expect(huge.body.error?.code).toBe('too_large');
    expect(huge.body.error?.message).toMatch(/too large to clip \(50\.0 MB sent/);
    const big = await post(server.port, '/connector/capture', json(token), capture({ html: `<p>${'a'.repeat(MAX_PAGE_BYTES + 10)}</p>` }));
    expect(big.body.error?.code).toBe('invalid_input');
    expect(big.body.error?.message).toMatch(/larger than 24 MB/);
    expect(articles.listArticles(core.ctx.db)).toHaveLength(0);
  });

  it('validates captures as hostile: javascript: URL, extra keys, a capture time in the future', async () => {
    for (const bad of [capture({ url: 'javascript:alert(1)' }), capture({ extra: 1 }), capture({ capturedAt: 'yesterday' }), capture({ capturedAt: '2099-01-01T00:00:00.000Z' }), '{"action":"clip"}', 'not json']) {
      const reply = await post(server.port, '/connector/capture', json(token), bad);
      expect(reply.body.ok, bad.slice(0, 80)).toBe(false);
      expect(reply.body.error?.code).toBe('invalid_input');
    }
    expect(articles.listArticles(core.ctx.db)).toHaveLength(0);
  });

  it('quote: the selection goes into the current note, linked to its passage; without a current note, into a new note', async () => {
    const note = await callOk<{ id: number }>(core, 'notes.create', { title: 'Leads' });
    await callOk(core, 'connector.setCurrentNote', { noteId: note.id });
    const reply = await post(server.port, '/connector/capture', json(token), capture({ selection: `  ${ARTICLE_TEXT}\n` }, 'quote'));
    expect(reply.body.value).toMatchObject({ status: 'clipped', quote: { noteId: note.id, noteTitle: 'Leads', newNote: false } });
    expect(quotesOfNote(core.ctx, note.id)).toMatchObject([{ status: 'ok', exact: ARTICLE_TEXT }]);

    await callOk(core, 'connector.setCurrentNote', { noteId: null });
    const second = await post(server.port, '/connector/capture', json(token), capture({ selection: 'declined to comment' }, 'quote'));
    expect(second.body.value).toMatchObject({ status: 'duplicate', quote: { newNote: true, noteTitle: 'Harbour budget' } });
    const missing = await post(server.port, '/connector/capture', json(token), capture({ selection: 'words that are not on the page' }, 'quote'));
    expect(missing.body.error?.code).toBe('not_found');
  });
});
