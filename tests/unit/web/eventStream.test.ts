import { mkdirSync, writeFileSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, TOKEN_HEADER, type Harness } from '../../../electron/web/server';
import { ChangeEvent, CHANGE_EVENT_PATH } from '../../../shared/contract/events';
import { callOk, makeTestCore } from '../../helpers/core';

/** Opens GET /events with raw headers (as a hostile page or a stale tab would send them). */
function open(harness: Harness, headers: Record<string, string>): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: harness.port, path: CHANGE_EVENT_PATH, method: 'GET', headers: { host: `127.0.0.1:${harness.port}`, ...headers } }, resolve);
    req.on('error', reject);
    req.end();
  });
}

async function bodyOf(res: IncomingMessage): Promise<string> {
  let body = '';
  res.setEncoding('utf8');
  for await (const chunk of res) body += chunk as string;
  return body;
}

/** Resolves with the first `data:` event on the stream, parsed by the shared schema. */
function nextEvent(res: IncomingMessage): Promise<ChangeEvent> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      const match = /^data: (.*)$/m.exec(buffer);
      if (match) resolve(ChangeEvent.parse(JSON.parse(match[1]!)));
    });
    res.on('error', reject);
  });
}

describe('harness event stream (Server-Sent Events)', () => {
  let core: ReturnType<typeof makeTestCore>;
  let harness: Harness;
  beforeEach(async () => {
    core = makeTestCore();
    const staticDir = core.dir.file('static');
    mkdirSync(staticDir);
    writeFileSync(`${staticDir}/index.html`, '<!doctype html><p>app</p>');
    harness = await startHarness({ handlers: core.handlers, staticDir, subscribe: (listener) => core.events.subscribe(listener) });
  });
  afterEach(async () => {
    await harness.close();
    core.close();
  });

  it('refuses a missing or wrong token, a foreign Origin and a foreign Host, like the API', async () => {
    const missing = await open(harness, {});
    expect(missing.statusCode).toBe(403);
    expect(JSON.parse(await bodyOf(missing))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const wrong = await open(harness, { [TOKEN_HEADER]: `${harness.token.slice(0, -1)}x` });
    expect(wrong.statusCode).toBe(403);
    const foreign = await open(harness, { [TOKEN_HEADER]: harness.token, origin: 'http://evil.example' });
    expect(foreign.statusCode).toBe(403);
    const rebound = await open(harness, { [TOKEN_HEADER]: harness.token, host: 'evil.example' });
    expect(rebound.statusCode).toBe(421);
    const posted = await new Promise<IncomingMessage>((resolve) => request({ host: '127.0.0.1', port: harness.port, path: CHANGE_EVENT_PATH, method: 'POST', headers: { [TOKEN_HEADER]: harness.token } }, resolve).end());
    expect(posted.statusCode).toBe(405);
  });

  it('delivers a change event to a page that holds the token, and stops sending after it disconnects', async () => {
    const res = await open(harness, { [TOKEN_HEADER]: harness.token, origin: harness.origin });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
    const event = nextEvent(res);
    const note = await callOk<{ id: number }>(core, 'notes.create', { title: 'Live' });
    expect(await event).toEqual({ type: 'notes.changed', origin: 'core', noteIds: [note.id], change: 'created' });
    res.destroy();
    await new Promise((r) => setTimeout(r, 50));
    // No listener left behind: the emitter has nobody to write to (a write would throw on a closed socket).
    let delivered = 0;
    core.events.subscribe(() => delivered++);
    await callOk(core, 'notes.rename', { id: note.id, title: 'Still live' });
    expect(delivered).toBe(1);
    expect(core.events.listenerCount).toBe(1);
  });
});
