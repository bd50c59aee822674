import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, TOKEN_HEADER, type Harness } from '../../../electron/web/server';
import { makeTestCore } from '../../helpers/core';

/** Raw HTTP so tests can send the Host/Origin headers a hostile page would. */
function send(harness: Harness, path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: harness.port, path, method: init.method ?? 'GET', headers: init.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

describe('browser harness server', () => {
  let core: ReturnType<typeof makeTestCore>;
  let harness: Harness;
  beforeEach(async () => {
    core = makeTestCore();
    const staticDir = core.dir.file('static');
    mkdirSync(staticDir);
    writeFileSync(`${staticDir}/index.html`, '<!doctype html><p>app</p>');
    writeFileSync(core.dir.file('secret.txt'), 'do not serve');
    harness = await startHarness({ handlers: core.handlers, staticDir });
  });
  afterEach(async () => {
    await harness.close();
    core.close();
  });

  const api = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
    send(harness, `/api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: harness.token, ...headers },
      body: JSON.stringify(body),
    });

  it('listens on 127.0.0.1 and prints a URL carrying the token in its fragment', () => {
    expect(harness.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{20,}$/);
  });

  it('serves the app with the CSP and refuses to walk out of its folder', async () => {
    const page = await send(harness, '/');
    expect(page.status).toBe(200);
    expect(String(page.headers['content-security-policy'])).toContain("default-src 'none'");
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%00']) {
      expect((await send(harness, path)).status, path).toBe(404);
    }
  });

  it('answers API calls with the token, as Results', async () => {
    const created = await api('notes.create', { title: 'via http' });
    expect(JSON.parse(created.body)).toMatchObject({ ok: true, value: { title: 'via http' } });
    expect(JSON.parse((await api('notes.get', { id: 'x' })).body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(JSON.parse((await api('nope', {})).body)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('refuses calls without the token, from other origins or hosts, and non-JSON bodies', async () => {
    expect((await api('notes.list', {}, { [TOKEN_HEADER]: 'wrong' })).status).toBe(403);
    expect((await send(harness, '/api/notes.list', { method: 'POST', body: '{}' })).status).toBe(403);
    expect((await api('notes.list', {}, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await api('notes.list', {}, { host: 'evil.example' })).status).toBe(421);
    expect((await send(harness, '/api/notes.list', { method: 'GET', headers: { [TOKEN_HEADER]: harness.token } })).status).toBe(405);
    const bad = await send(harness, '/api/notes.list', { method: 'POST', headers: { [TOKEN_HEADER]: harness.token }, body: '{not json' });
    expect(bad.status).toBe(400);
    expect(core.ctx.db.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 0 });
  });
});
