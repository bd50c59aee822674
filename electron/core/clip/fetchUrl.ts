import { DossierError } from '../../../shared/errors';
import { MAX_PAGE_BYTES } from '../../../shared/limits';

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
  fetchImpl?: typeof fetch;
}

/** The network could not be reached (offline, DNS failure, refused, timed out): the clip can wait and be retried. */
export class NetworkUnavailableError extends DossierError {
  constructor(message: string) {
    super('network', message);
  }
}

const NETWORK_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ENETUNREACH', 'EHOSTUNREACH', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET', 'UND_ERR_HEADERS_TIMEOUT']);

function networkReason(error: unknown): string | null {
  if ((error as Error)?.name === 'TimeoutError' || (error as Error)?.name === 'AbortError') return 'the server did not answer in time';
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  if (cause?.code && NETWORK_CODES.has(cause.code)) return `${cause.code}${cause.message ? `: ${cause.message}` : ''}`;
  if (error instanceof TypeError && /fetch failed/i.test(error.message)) return cause?.message ?? 'fetch failed';
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
 * MAX_REDIRECTS), a size cap while streaming, and a content-type check.
 */
export async function fetchPage(raw: string, options: FetchOptions = {}): Promise<FetchedPage> {
  const doFetch = options.fetchImpl ?? fetch;
  const signal = AbortSignal.timeout(options.timeoutMs ?? FETCH_TIMEOUT_MS);
  let url = checkHttpUrl(raw);
  for (let hop = 0; ; hop++) {
    let response: Response;
    try {
      response = await doFetch(url, {
        redirect: 'manual',
        signal,
        headers: { 'User-Agent': 'Mozilla/5.0 (compatible; Dossier clipper)', Accept: 'text/html,application/xhtml+xml,text/plain;q=0.8,*/*;q=0.1' },
      });
    } catch (error) {
      const reason = networkReason(error);
      if (reason) throw new NetworkUnavailableError(`Could not reach ${url.host} (${reason}).`);
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
      const reason = networkReason(error);
      if (reason) throw new NetworkUnavailableError(`The download from ${url.host} broke off (${reason}).`);
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
