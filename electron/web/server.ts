import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fail, type Result } from '../../shared/errors';
import { SECURITY_HEADERS, mimeTypeFor } from '../core/csp';
import { dispatch } from '../core/dispatch';
import type { Handlers } from '../core/handlers';
import { readStaticFile } from '../core/staticFiles';
import { isSha256Hex } from '../../shared/assetName';
import { MAX_HTTP_BODY_BYTES } from '../../shared/limits';
import { CHANGE_EVENT_PATH, type ChangeEvent } from '../../shared/contract/events';

/**
 * The browser harness: serves the built renderer and binds the same handler
 * table as Electron's IPC, over HTTP on 127.0.0.1 only. Every API call needs
 * the per-run token (the page reads it from the URL fragment, which is never
 * sent to a server); Host and Origin are checked so another site in the same
 * browser cannot reach it (DNS rebinding, CSRF).
 */
export interface HarnessOptions {
  handlers: Handlers;
  /** Looks up a stored asset (clipped images) by SHA-256; without it, /asset/ answers 404. */
  readAsset?: (sha256: string) => { mimeType: string; bytes: Uint8Array } | undefined;
  staticDir: string;
  port?: number;
  token?: string;
  logError?: (channel: string, error: unknown) => void;
  /** The core's change events, streamed to pages at GET /events (Server-Sent Events); without it, /events answers 404. */
  subscribe?: (listener: (event: ChangeEvent) => void) => () => void;
}

export interface Harness {
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export const TOKEN_HEADER = 'x-dossier-token';
/**
 * Clipped images are served at GET /asset/<sha256>. An <img> cannot send the
 * token header, so every token-authenticated API response sets a per-run
 * random cookie (HttpOnly, SameSite=Strict, Path=/asset/) that /asset/
 * requires: only a page that already holds the token gets images, the
 * token itself never travels in a cookie or a URL, and another site cannot
 * embed them (SameSite=Strict, Host/Origin checks, CORP same-origin).
 */
export const ASSET_COOKIE = 'dossier-asset';


export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const expectedToken = Buffer.from(token);
  const assetSecret = Buffer.from(randomBytes(24).toString('base64url'));
  let allowedHosts = new Set<string>();
  let origin = '';

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.logError?.('http', error);
      if (!res.headersSent) sendJson(res, 500, fail('internal', 'The harness failed to answer.'));
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts.has(req.headers.host ?? '')) {
      res.writeHead(421, { 'Content-Type': 'text/plain' }).end('Misdirected request');
      return;
    }
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname === CHANGE_EVENT_PATH) {
      streamEvents(req, res);
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      await handleApi(req, res, url.pathname.slice('/api/'.length));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    if (url.pathname.startsWith('/asset/')) {
      serveAsset(req, res, url.pathname.slice('/asset/'.length));
      return;
    }
    const file = await readStaticFile(options.staticDir, url.pathname);
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain', ...SECURITY_HEADERS }).end('Not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': mimeTypeFor(file.path),
      'Cache-Control': 'no-cache',
      ...SECURITY_HEADERS,
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  function serveAsset(req: IncomingMessage, res: ServerResponse, sha256: string): void {
    const cookie = /(?:^|;\s*)dossier-asset=([A-Za-z0-9_-]+)/.exec(req.headers.cookie ?? '')?.[1] ?? '';
    const given = Buffer.from(cookie);
    if (given.length !== assetSecret.length || !timingSafeEqual(given, assetSecret)) {
      res.writeHead(403, { 'Content-Type': 'text/plain', ...SECURITY_HEADERS }).end('Forbidden');
      return;
    }
    const asset = isSha256Hex(sha256) ? options.readAsset?.(sha256) : undefined;
    if (!asset) {
      res.writeHead(404, { 'Content-Type': 'text/plain', ...SECURITY_HEADERS }).end('Not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': asset.mimeType,
      'Content-Length': String(asset.bytes.length),
      'Cache-Control': 'private, max-age=31536000, immutable',
      ...SECURITY_HEADERS,
      'Content-Security-Policy': "default-src 'none'; sandbox",
    });
    res.end(req.method === 'HEAD' ? undefined : Buffer.from(asset.bytes));
  }

  /** The same Origin and token checks for every API call and the event stream; answers the refusal and returns false. */
  function admitted(req: IncomingMessage, res: ServerResponse): boolean {
    const requestOrigin = req.headers.origin;
    if (requestOrigin !== undefined && requestOrigin !== origin) {
      sendJson(res, 403, fail('forbidden', 'Cross-origin API calls are refused'));
      return false;
    }
    const given = Buffer.from(String(req.headers[TOKEN_HEADER] ?? ''));
    if (given.length !== expectedToken.length || !timingSafeEqual(given, expectedToken)) {
      sendJson(res, 403, fail('forbidden', 'Missing or wrong harness token (open the URL printed by npm run web)'));
      return false;
    }
    return true;
  }

  /**
   * GET /events: the core's change events as Server-Sent Events. EventSource
   * cannot send a header, and the token must never travel in a URL, so the
   * page reads this stream with fetch() and the token header (webBridge.ts);
   * the Origin and token checks are the API's own.
   */
  function streamEvents(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET') {
      sendJson(res, 405, fail('forbidden', 'The event stream is read with GET'));
      return;
    }
    if (!admitted(req, res)) return;
    if (!options.subscribe) {
      sendJson(res, 404, fail('unsupported', 'This harness has no event stream.'));
      return;
    }
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      Connection: 'keep-alive',
    });
    // An opening comment flushes the headers, so the page knows it is connected.
    res.write(': connected\n\n');
    const unsubscribe = options.subscribe((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
    // A comment now and then keeps idle proxies and the socket from timing the stream out.
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
    keepAlive.unref();
    res.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
    });
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    if (req.method !== 'POST') {
      sendJson(res, 405, fail('forbidden', 'API calls must be POST'));
      return;
    }
    if (!admitted(req, res)) return;
    const body = await readBody(req);
    if (body === undefined) {
      sendJson(res, 413, fail('too_large', `Request body is larger than ${MAX_HTTP_BODY_BYTES} bytes`));
      return;
    }
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      sendJson(res, 400, fail('invalid_input', 'Request body is not valid JSON'));
      return;
    }
    let decodedChannel: string;
    try {
      decodedChannel = decodeURIComponent(channel);
    } catch {
      decodedChannel = channel;
    }
    const result = await dispatch(options.handlers, decodedChannel, input, { logError: options.logError });
    res.setHeader('Set-Cookie', `${ASSET_COOKIE}=${assetSecret.toString()}; Path=/asset/; HttpOnly; SameSite=Strict`);
    sendJson(res, 200, result);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  return {
    url: `${origin}/#token=${token}`,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function sendJson(res: ServerResponse, status: number, result: Result<unknown>): void {
  const body = JSON.stringify(result);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_HTTP_BODY_BYTES) {
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
