import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProbeHit {
  method: string;
  url: string;
  referer: string | undefined;
}

export interface ProbeServer {
  /** http://127.0.0.1:PORT — put it wherever hostile content may try to reach the network. */
  base: string;
  hits: ProbeHit[];
  close(): Promise<void>;
}

/**
 * A catch-all HTTP server on 127.0.0.1: every request, whatever the path or
 * method, is recorded and answered with something plausible (a 1×1 GIF, empty
 * CSS/JS/HTML), so a leak is never hidden by an error. Tests assert `hits` is
 * empty, and run a positive control that proves hits are seen.
 */
export async function startProbeServer(): Promise<ProbeServer> {
  const hits: ProbeHit[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    hits.push({ method: req.method ?? '?', url: req.url ?? '', referer: req.headers.referer });
    req.resume();
    const path = req.url ?? '';
    const type = /\.css(\?|$)/.test(path) ? 'text/css' : /\.js(\?|$)/.test(path) ? 'text/javascript' : /\.html?(\?|$)/.test(path) ? 'text/html' : 'image/gif';
    const body = type === 'image/gif' ? Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64') : '';
    res.writeHead(200, { 'Content-Type': type, 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
