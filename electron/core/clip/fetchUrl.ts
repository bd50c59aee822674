import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupAddress } from 'node:dns';
import { Agent, fetch as undiciFetch, type Response } from 'undici';
import { DossierError } from '../../../shared/errors';
import { MAX_PAGE_BYTES } from '../../../shared/limits';
import { ipLiteral, isPrivateAddress } from './privateAddress';

export const FETCH_TIMEOUT_MS = 30_000;
export const MAX_REDIRECTS = 5;
const PAGE_TYPES = /^(text\/html|application\/xhtml\+xml|text\/plain|text\/markdown)$/i;
/** Response headers kept as provenance (what a journalist may need to show later). */
const KEPT_HEADERS = ['content-type', 'content-language', 'content-length', 'date', 'last-modified', 'etag', 'server', 'age', 'cache-control', 'x-cache', 'link'];

export interface FetchedPage {
  requestedUrl: string;
  finalUrl: string;
  status: number;
  headers: Record<string, string>;
  contentType: string | null;
  bytes: Uint8Array;
}

export interface FetchOptions {
  timeoutMs?: number;
  maxRedirects?: number;
  maxBytes?: number;
  /** Accepted content types (page fetches: HTML and text; image fetches: images). */
  accept?: RegExp;
  /** Hosts the user confirmed may be on a private network (names as typed in the URL). */
  allowPrivateHosts?: readonly string[];
  /** DNS (the system resolver otherwise); tests answer with the addresses they need. */
  resolve?: (hostname: string) => Promise<LookupAddress[]>;
}

/**
 * The host resolves to (or is) a loopback, link-local or private address: the
 * clip waits for the user to confirm this host, then is retried with
 * allowPrivateHost set to it.
 */
export class PrivateHostError extends DossierError {
  constructor(readonly host: string, address: string) {
    super('forbidden', `${host} is on this computer or a private network (${address}). Dossier clips it only if you confirm this host.`);
  }
}

function sameHost(a: string, b: string): boolean {
  const bare = (h: string): string => h.toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
  return bare(a) === bare(b);
}

function checkAddresses(host: string, addresses: string[], allowed: readonly string[] = []): void {
  if (allowed.some((a) => sameHost(host, a))) return;
  const blocked = addresses.find(isPrivateAddress);
  if (blocked !== undefined) throw new PrivateHostError(host.replace(/^\[(.*)\]$/, '$1'), blocked);
}

const systemResolve = (hostname: string): Promise<LookupAddress[]> => dnsLookup(hostname, { all: true, verbatim: true });

type LookupCallback = (error: Error | null, address: string | LookupAddress[], family?: number) => void;

/**
 * The socket's own DNS lookup: every address the name resolves to is checked,
 * and the connection goes to those checked addresses, so a DNS answer that
 * changes between a check and the connect (rebinding) cannot slip through.
 */
function guardedLookup(resolve: NonNullable<FetchOptions['resolve']>, allowed: readonly string[] | undefined) {
  return (hostname: string, options: { family?: number | string; all?: boolean }, callback: LookupCallback): void => {
    resolve(hostname).then(
      (found) => {
        const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : Number(options.family ?? 0);
        const addresses = family === 4 || family === 6 ? found.filter((a) => a.family === family) : found;
        if (addresses.length === 0) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '');
        try {
          checkAddresses(hostname, addresses.map((a) => a.address), allowed);
        } catch (error) {
          return callback(error as Error, '');
        }
        if (options.all) callback(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (error: Error) => callback(error, ''),
    );
  };
}

/** The network could not be reached (offline, DNS failure, refused, timed out): the clip can wait and be retried. */
export class NetworkUnavailableError extends DossierError {
  constructor(message: string) {
    super('network', message);
  }
}

const NETWORK_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ENETUNREACH', 'EHOSTUNREACH', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET', 'UND_ERR_HEADERS_TIMEOUT']);

function privateHostCause(error: unknown): PrivateHostError | null {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) if (e instanceof PrivateHostError) return e;
  return null;
}

/** What a network error code means, in words (the code itself, "ENOTFOUND getaddrinfo", tells a journalist nothing). */
function networkCause(code: string, host: string): string {
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `${host} could not be looked up`;
    case 'ECONNREFUSED':
      return `${host} refused the connection`;
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      return `${host} cannot be reached from this network`;
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'UND_ERR_HEADERS_TIMEOUT':
      return `${host} did not answer in time`;
    default:
      return `the connection to ${host} was cut`;
  }
}

function networkReason(error: unknown, host: string): string | null {
  if ((error as Error)?.name === 'TimeoutError' || (error as Error)?.name === 'AbortError') return `${host} did not answer in time`;
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  if (cause?.code && NETWORK_CODES.has(cause.code)) return networkCause(cause.code, host);
  if (error instanceof TypeError && /fetch failed/i.test(error.message)) return `${host} could not be reached`;
  return null;
}

export function checkHttpUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new DossierError('invalid_input', `"${raw}" is not a valid URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new DossierError('invalid_input', `Only http and https URLs can be clipped (got ${url.protocol}).`);
  if (url.username || url.password) throw new DossierError('invalid_input', 'URLs with a user name or password are not clipped.');
  return url;
}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw new DossierError('too_large', `The page is ${(declared / 1024 / 1024).toFixed(1)} MB; the limit is ${maxBytes / 1024 / 1024} MB.`);
  if (!response.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel();
      throw new DossierError('too_large', `The page is larger than ${maxBytes / 1024 / 1024} MB.`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * Fetches a page in the core (never the renderer): http(s) only, a timeout for
 * the whole exchange, redirects followed by hand (each hop re-checked, at most
 * MAX_REDIRECTS), private addresses refused unless the user confirmed the host
 * (checked on every hop and on every address DNS gives), a size cap while
 * streaming, and a content-type check.
 */
export async function fetchPage(raw: string, options: FetchOptions = {}): Promise<FetchedPage> {
  const dispatcher = new Agent({ connect: { lookup: guardedLookup(options.resolve ?? systemResolve, options.allowPrivateHosts) } });
  try {
    return await fetchThrough(dispatcher, raw, options);
  } finally {
    void dispatcher.close();
  }
}

async function fetchThrough(dispatcher: Agent, raw: string, options: FetchOptions): Promise<FetchedPage> {
  const signal = AbortSignal.timeout(options.timeoutMs ?? FETCH_TIMEOUT_MS);
  let url = checkHttpUrl(raw);
  for (let hop = 0; ; hop++) {
    // An address typed in the URL never goes through DNS: check it here.
    const literal = ipLiteral(url.hostname);
    if (literal !== null) checkAddresses(url.hostname, [literal], options.allowPrivateHosts);
    let response: Response;
    try {
      response = await undiciFetch(url, {
        redirect: 'manual',
        signal,
        dispatcher,
        headers: { 'User-Agent': 'Mozilla/5.0 (compatible; Dossier clipper)', Accept: 'text/html,application/xhtml+xml,text/plain;q=0.8,*/*;q=0.1' },
      });
    } catch (error) {
      const refused = privateHostCause(error);
      if (refused) throw refused;
      const reason = networkReason(error, url.host);
      if (reason) throw new NetworkUnavailableError(`No network: will retry when online (${reason}).`);
      throw error;
    }
    if (response.status >= 300 && response.status < 400 && response.headers.get('location')) {
      if (hop >= (options.maxRedirects ?? MAX_REDIRECTS)) throw new DossierError('network', `Too many redirects (more than ${options.maxRedirects ?? MAX_REDIRECTS}) from ${raw}.`);
      await response.body?.cancel();
      url = checkHttpUrl(new URL(response.headers.get('location')!, url).href);
      continue;
    }
    if (response.status >= 400) {
      await response.body?.cancel();
      throw new DossierError('network', `The server answered ${response.status} ${response.statusText} for ${url.href}.`);
    }
    const contentType = response.headers.get('content-type');
    const type = (contentType ?? '').split(';')[0]!.trim();
    if (!(options.accept ?? PAGE_TYPES).test(type)) {
      await response.body?.cancel();
      throw new DossierError('unsupported', `${url.href} is ${type || 'of an unknown type'}, not a web page.`);
    }
    let bytes: Uint8Array;
    try {
      bytes = await readCapped(response, options.maxBytes ?? MAX_PAGE_BYTES);
    } catch (error) {
      const reason = networkReason(error, url.host);
      if (reason) throw new NetworkUnavailableError(`No network: the download from ${url.host} broke off; will retry when online (${reason}).`);
      throw error;
    }
    const headers: Record<string, string> = {};
    for (const name of KEPT_HEADERS) {
      const value = response.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    return { requestedUrl: raw, finalUrl: url.href, status: response.status, headers, contentType, bytes };
  }
}
