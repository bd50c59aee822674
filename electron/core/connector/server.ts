import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { CONNECTOR_PATHS, DEFAULT_CONNECTOR_PORT, DOSSIER_EXTENSION_ORIGIN } from '../../../shared/connector/protocol';
import { CaptureRequestSchema, PairRequestSchema } from '../../../shared/contract/domains/connector';
import { DossierError, fail, ok, type Result } from '../../../shared/errors';
import { MAX_CAPTURE_BODY_BYTES, megabytes } from '../../../shared/limits';
import { translateSqliteError } from '../../../db/connection';
import type { CoreContext } from '../context';
import type { ClipOptions } from '../services/clip';
import { runCapture } from './capture';
import { extensionOriginKind } from './origins';
import { connectorState } from './state';

/**
 * The connector: how the browser extension reaches the app. An HTTP server on
 * 127.0.0.1 (never another interface), like Zotero's connector, bound by the
 * Electron app and by the browser harness alike. Every request must:
 * - name this server in its Host header (127.0.0.1:PORT or localhost:PORT),
 *   so a DNS-rebound name (evil.example → 127.0.0.1) is refused (421);
 * - be a POST of application/json carrying the extension's Origin
 *   (`chrome-extension://<the id its manifest key fixes>`, or a Firefox
 *   `moz-extension://<UUID>`: see origins.ts): a web page sends its own
 *   Origin, another Chromium extension its own id, curl none → 403. A page's
 *   "simple" text/plain POST is also refused (415) and no answer ever carries
 *   CORS headers, so no page can read one;
 * - for a capture, carry a token obtained by pairing (`Authorization: Bearer`),
 *   from the very Origin that paired: a local process that forges the Origin
 *   still lacks the token, a revoked token is refused at once → 401;
 * - fit MAX_CAPTURE_BODY_BYTES (refused from Content-Length before reading,
 *   and while streaming) and the zod schemas of shared/contract/domains/connector.ts.
 * Nothing is fetched for a capture: it is clipped from what the browser sent.
 */
export interface ConnectorServerOptions {
  ctx: CoreContext;
  /** Default DEFAULT_CONNECTOR_PORT; 0 picks a free port (tests). */
  port?: number;
  /** Chromium extension origins allowed to call (default: the Dossier extension's); Firefox origins by origins.ts. */
  allowedOrigins?: readonly string[];
  clipOptions?: ClipOptions;
  logError?: (what: string, error: unknown) => void;
  /** Told about every refused request (status and reason): for logs and tests. */
  onRefusal?: (status: number, message: string) => void;
}

export interface ConnectorServer {
  port: number;
  origin: string;
  close(): Promise<void>;
}

class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    readonly result: Result<never>,
  ) {
    super(result.ok ? '' : result.error.message);
  }
}

export async function startConnectorServer(options: ConnectorServerOptions): Promise<ConnectorServer> {
  const chromiumOrigins = options.allowedOrigins ?? [DOSSIER_EXTENSION_ORIGIN];
  let allowedHosts = new Set<string>();
  // Captures are clipped one at a time, in the order they arrive (the extension delivers its queue in order).
  let chain: Promise<unknown> = Promise.resolve();

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof HttpRefusal) {
        options.onRefusal?.(error.status, error.message);
        send(res, error.status, error.result);
        if (error.status === 413) req.destroy();
        return;
      }
      // A schema failure is the caller's: invalid_input with zod's readable message, never an internal error.
      const translated = error instanceof z.ZodError ? new DossierError('invalid_input', `Invalid capture: ${z.prettifyError(error)}`) : translateSqliteError(error);
      if (translated instanceof DossierError) {
        send(res, 200, { ok: false, error: translated.toData() });
        return;
      }
      options.logError?.('connector', error);
      if (!res.headersSent) send(res, 500, fail('internal', 'Dossier failed to answer the extension.'));
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts.has(req.headers.host ?? '')) throw new HttpRefusal(421, fail('forbidden', 'Misdirected request: the connector answers only to 127.0.0.1.'));
    if (req.method !== 'POST') throw new HttpRefusal(405, fail('forbidden', 'The connector accepts POST only.'));
    const origin = req.headers.origin;
    if (extensionOriginKind(origin, chromiumOrigins) === null) throw new HttpRefusal(403, fail('forbidden', 'Only the Dossier browser extension may use the connector.'));
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) throw new HttpRefusal(415, fail('invalid_input', 'The connector accepts JSON only.'));
    const path = new URL(req.url ?? '/', 'http://connector.invalid').pathname;
    if (path === CONNECTOR_PATHS.ping) {
      send(res, 200, ok({ app: 'dossier' }));
      return;
    }
    if (path === CONNECTOR_PATHS.pair) {
      const body = PairRequestSchema.parse(await readJson(req));
      send(res, 200, ok(connectorState(options.ctx).pairing.pair(body.code, { origin: origin!, name: body.name })));
      return;
    }
    if (path !== CONNECTOR_PATHS.capture) throw new HttpRefusal(404, fail('not_found', 'No such connector endpoint.'));
    const token = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(req.headers.authorization ?? '')?.[1];
    const pairing = connectorState(options.ctx).pairing;
    const paired = pairing.authenticate(token, origin);
    if (!paired) throw new HttpRefusal(401, fail('forbidden', 'This browser is not paired with Dossier (or its pairing was revoked): pair it again from the extension.'));
    pairing.touch(paired.id);
    const body = CaptureRequestSchema.parse(await readJson(req));
    const run = chain.then(() => runCapture(options.ctx, body.action, body.capture, options.clipOptions ?? {}));
    chain = run.catch(() => undefined);
    send(res, 200, ok(await run));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_CONNECTOR_PORT, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function tooLarge(size: number): HttpRefusal {
  return new HttpRefusal(
    413,
    fail('too_large', `The page is too large to clip (${(size / 1024 / 1024).toFixed(1)} MB sent; the connector takes up to ${megabytes(MAX_CAPTURE_BODY_BYTES)}, a page up to 24 MB).`),
  );
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > MAX_CAPTURE_BODY_BYTES) throw tooLarge(declared);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_CAPTURE_BODY_BYTES) throw tooLarge(size);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpRefusal(400, fail('invalid_input', 'The request body is not valid JSON.'));
  }
}

function send(res: ServerResponse, status: number, result: Result<unknown>): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(JSON.stringify(result));
}
