import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchPage, PrivateHostError } from '../../../electron/core/clip/fetchUrl';
import { isPrivateAddress } from '../../../electron/core/clip/privateAddress';
import { dispatch } from '../../../electron/core/dispatch';
import { clipSource } from '../../../electron/core/services/clip';
import { makeTestCore } from '../../helpers/core';
import { runCli } from '../../helpers/runCli';
import { makeTempDir } from '../../helpers/tempDir';

const PAGE = `<html><head><title>Router admin</title></head><body><article><h1>Router admin</h1><p>${'Internal page text that must not be clipped unasked. '.repeat(20)}</p></article></body></html>`;

describe('which addresses count as private', () => {
  it.each(['10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '100.64.0.1', '127.0.0.1', '127.9.9.9', '169.254.169.254', '0.0.0.0', '0.1.2.3', '224.0.0.1', '255.255.255.255', '::1', '::', 'fe80::1', 'fd12:3456::1', 'fc00::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '::ffff:169.254.169.254', 'not-an-address'])('%s is private', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });
  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700::1111', '::ffff:93.184.216.34'])('%s is public', (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });
});

describe('URL clips refuse private addresses unless the user confirmed the host', () => {
  let server: Server;
  let port: number;
  const hits: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push(`${req.headers.host}${req.url}`);
      if (req.url === '/to-loopback') res.writeHead(302, { Location: `http://127.0.0.1:${port}/page` }).end();
      else if (req.url === '/with-image')
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(PAGE.replace('<h1>', `<img src="http://127.0.0.1:${port}/pic.png" alt="pixel"><h1>`));
      else if (req.url === '/to-other-name') res.writeHead(302, { Location: `http://other.example:${port}/page` }).end();
      else res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(PAGE);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    hits.length = 0;
  });

  /** Fake DNS: every name answers with the addresses given (the connection really goes to 127.0.0.1 when that is among them). */
  const dns = (...addresses: string[]) => async () => addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

  it('refuses an address typed in the URL, and fetches it once the host is confirmed', async () => {
    const url = `http://127.0.0.1:${port}/page`;
    await expect(fetchPage(url)).rejects.toMatchObject({ code: 'forbidden', host: '127.0.0.1' });
    expect(hits).toEqual([]);
    const page = await fetchPage(url, { allowPrivateHosts: ['127.0.0.1'] });
    expect(page.status).toBe(200);
    expect(hits).toHaveLength(1);
  });

  it('checks every address DNS answers, and connects only to the checked ones', async () => {
    await expect(fetchPage(`http://intranet.example:${port}/page`, { resolve: dns('127.0.0.1') })).rejects.toBeInstanceOf(PrivateHostError);
    // One public and one private answer (a rebinding setup): refused as a whole.
    await expect(fetchPage(`http://mixed.example:${port}/page`, { resolve: dns('93.184.216.34', '127.0.0.1') })).rejects.toMatchObject({ host: 'mixed.example' });
    await expect(fetchPage(`http://localhost:${port}/page`)).rejects.toMatchObject({ host: 'localhost' });
    expect(hits).toEqual([]);
    const page = await fetchPage(`http://intranet.example:${port}/page`, { resolve: dns('127.0.0.1'), allowPrivateHosts: ['INTRANET.example'] });
    expect(page.status).toBe(200);
    expect(hits).toEqual([`intranet.example:${port}/page`]);
  });

  it('checks each redirect hop: a confirmed host cannot redirect to another private one', async () => {
    const confirmed = { resolve: dns('127.0.0.1'), allowPrivateHosts: ['news.example'] };
    await expect(fetchPage(`http://news.example:${port}/to-loopback`, confirmed)).rejects.toMatchObject({ code: 'forbidden', host: '127.0.0.1' });
    await expect(fetchPage(`http://news.example:${port}/to-other-name`, confirmed)).rejects.toMatchObject({ host: 'other.example' });
    // Only the first hops reached the server; the redirect targets never did.
    expect(hits).toEqual([`news.example:${port}/to-loopback`, `news.example:${port}/to-other-name`]);
  });

  it("a confirmed page's images on another private host are not fetched (the clip still stores the text)", async () => {
    const core = makeTestCore();
    try {
      const result = await clipSource(core.ctx, { kind: 'url', url: `http://news.example:${port}/with-image` }, { allowPrivateHosts: ['news.example'], fetchOptions: { resolve: dns('127.0.0.1') } });
      expect(result).toMatchObject({ status: 'clipped', title: 'Router admin' });
      expect(hits).toEqual([`news.example:${port}/with-image`]);
    } finally {
      core.close();
    }
  });

  it('through the handler table: a failed result names the host, and a clip with allowPrivateHost proceeds', async () => {
    const core = makeTestCore();
    try {
      const url = `http://127.0.0.1:${port}/page`;
      const first = await dispatch(core.handlers, 'clip.save', { inputs: [{ kind: 'url', url }] });
      expect(first).toMatchObject({ ok: true, value: { results: [{ status: 'failed', confirmHost: '127.0.0.1', error: expect.stringContaining('private network') }] } });
      expect(hits).toEqual([]);
      const preview = await dispatch(core.handlers, 'clip.preview', { source: { kind: 'url', url } });
      expect(preview).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      const second = await dispatch(core.handlers, 'clip.save', { inputs: [{ kind: 'url', url }], allowPrivateHost: '127.0.0.1' });
      expect(second).toMatchObject({ ok: true, value: { results: [{ status: 'clipped', title: 'Router admin' }] } });
    } finally {
      core.close();
    }
  });

  it('the CLI refuses without --allow-private-host, says how to confirm, and clips with it', async () => {
    const dir = makeTempDir();
    try {
      const db = dir.file('cli.sqlite');
      const url = `http://127.0.0.1:${port}/page`;
      const refused = await runCli('clip', url, '--db', db);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('--allow-private-host 127.0.0.1');
      expect(hits).toEqual([]);
      const clipped = await runCli('clip', url, '--allow-private-host', '127.0.0.1', '--db', db, '--json');
      expect(clipped.code, clipped.stderr).toBe(0);
      expect(JSON.parse(clipped.stdout)).toMatchObject([{ status: 'clipped', title: 'Router admin' }]);
    } finally {
      dir.cleanup();
    }
  });
});
