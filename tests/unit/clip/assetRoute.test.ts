import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../db/sha256';
import { readAssetForServing } from '../../../electron/core/services/assets';
import { clipSource } from '../../../electron/core/services/clip';
import { startHarness, TOKEN_HEADER, type Harness } from '../../../electron/web/server';
import { makeTestCore } from '../../helpers/core';

const PNG = readFileSync(new URL('../../fixtures/clip/harbour-report_files/harbour.png', import.meta.url));
const HTML = readFileSync(new URL('../../fixtures/clip/harbour-report.html', import.meta.url));

function send(harness: Harness, path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: Buffer; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: harness.port, path, method: init.method ?? 'GET', headers: init.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

describe('stored images served by the browser harness (GET /asset/<sha256>)', () => {
  let core: ReturnType<typeof makeTestCore>;
  let harness: Harness;
  beforeEach(async () => {
    core = makeTestCore();
    const staticDir = core.dir.file('static');
    mkdirSync(staticDir);
    writeFileSync(`${staticDir}/index.html`, '<!doctype html><p>app</p>');
    harness = await startHarness({ handlers: core.handlers, staticDir, readAsset: (sha) => readAssetForServing(core.ctx, sha) });
  });
  afterEach(async () => {
    await harness.close();
    core.close();
  });

  it('serves a clipped image only to a page that has called the API with the token (cookie), from the local store', async () => {
    await clipSource(core.ctx, { kind: 'file', name: 'harbour-report.html', bytes: HTML }, { attachments: new Map([['harbour.png', new Uint8Array(PNG)]]) });
    const sha = sha256Hex(PNG);
    expect((await send(harness, `/asset/${sha}`)).status).toBe(403);
    expect((await send(harness, `/asset/${sha}`, { headers: { cookie: 'dossier-asset=guess' } })).status).toBe(403);

    const api = await send(harness, '/api/articles.list', { method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: harness.token }, body: '{}' });
    const setCookie = String((api.headers['set-cookie'] as string[])[0]);
    expect(setCookie).toMatch(/^dossier-asset=[\w-]+; Path=\/asset\/; HttpOnly; SameSite=Strict$/);
    expect(setCookie).not.toContain(harness.token);
    const cookie = setCookie.split(';')[0]!;

    const image = await send(harness, `/asset/${sha}`, { headers: { cookie } });
    expect(image.status).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.headers['x-content-type-options']).toBe('nosniff');
    expect(image.body.equals(PNG)).toBe(true);
    expect((await send(harness, `/asset/${'0'.repeat(64)}`, { headers: { cookie } })).status).toBe(404);
    expect((await send(harness, '/asset/%2e%2e%2findex.html', { headers: { cookie } })).status).toBe(404);

    // A wrong token never gets the cookie.
    const refused = await send(harness, '/api/articles.list', { method: 'POST', headers: { [TOKEN_HEADER]: 'wrong' }, body: '{}' });
    expect(refused.headers['set-cookie']).toBeUndefined();
  });
});
