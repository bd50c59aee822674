import { gunzipSync } from 'node:zlib';
import { DossierError } from '../../../shared/errors';
import { MAX_PAGE_BYTES } from '../../../shared/limits';

/** Pages larger than this (after gunzip) are refused: no real article needs more, and parsing it would stall. */

export interface DecodedText {
  text: string;
  /** The WHATWG encoding label actually used. */
  encoding: string;
  warnings: string[];
}

const GZIP_MAGIC = [0x1f, 0x8b];

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];
}

/** Gunzips `.html.gz` input, with the output capped so a gzip bomb cannot exhaust memory. */
export function maybeGunzip(bytes: Uint8Array): Uint8Array {
  if (!isGzip(bytes)) return bytes;
  try {
    return gunzipSync(bytes, { maxOutputLength: MAX_PAGE_BYTES });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || /larger than|maxOutputLength/i.test(String(error))) {
      throw new DossierError('too_large', `The compressed page expands to more than ${MAX_PAGE_BYTES / 1024 / 1024} MB; Dossier does not clip pages that large.`);
    }
    throw new DossierError('invalid_input', 'The file looks gzip-compressed but could not be decompressed (it may be truncated or corrupt).');
  }
}

/** Control characters that never appear in text: their presence means binary data (NUL, and C0 controls other than tab/LF/FF/CR/ESC). */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  if (sample.length === 0) return false;
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return !hasUtf16Bom(bytes);
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b) controls++;
  }
  return controls / sample.length > 0.02;
}

function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

function bomEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** A label TextDecoder knows, normalized; undefined for unknown labels. */
function knownEncoding(label: string | undefined | null): string | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return undefined;
  }
}

export function charsetFromContentType(contentType: string | undefined | null): string | undefined {
  const match = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '');
  return match?.[1];
}

/** The encoding declared by <meta charset> or <meta http-equiv content-type> within the first 4 KB (the HTML prescan, simplified). */
export function sniffMetaCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const direct = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return direct?.[1];
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Bytes → text, in the HTML standard's order of precedence: BOM, then the
 * transport's charset (HTTP header), then <meta charset>, then UTF-8 if the
 * bytes are valid UTF-8, else windows-1252. A declared UTF-8 that is not valid
 * UTF-8 is decoded as windows-1252 when that is cleaner, with a warning;
 * stray invalid sequences become U+FFFD, with a warning.
 */
export function decodeBytes(input: Uint8Array, options: { contentType?: string | null; html?: boolean } = {}): DecodedText {
  const bytes = maybeGunzip(input);
  if (bytes.length === 0) throw new DossierError('invalid_input', 'The file is empty.');
  if (bytes.length > MAX_PAGE_BYTES) {
    throw new DossierError('too_large', `The page is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; Dossier clips pages up to ${MAX_PAGE_BYTES / 1024 / 1024} MB.`);
  }
  if (looksBinary(bytes)) throw new DossierError('unsupported', 'The file is binary data, not a web page or text.');
  const warnings: string[] = [];
  const bom = bomEncoding(bytes);
  const declaredRaw = charsetFromContentType(options.contentType) ?? (options.html === false ? undefined : sniffMetaCharset(bytes));
  const declared = knownEncoding(declaredRaw);
  if (declaredRaw && !declared) warnings.push(`The page declares an unknown character set "${declaredRaw}"; it was read as ${isValidUtf8(bytes) ? 'UTF-8' : 'windows-1252'}.`);
  let encoding = bom ?? declared ?? (isValidUtf8(bytes) ? 'utf-8' : 'windows-1252');
  // utf-16 declared in a <meta> of an ASCII-compatible file is a lie the HTML standard overrides.
  if (!bom && encoding.startsWith('utf-16')) encoding = 'utf-8';
  if (encoding === 'utf-8' && !bom && !isValidUtf8(bytes)) {
    const replaced = new TextDecoder('utf-8').decode(bytes);
    const bad = replaced.split('\uFFFD').length - 1;
    if (bad > 0 && bad / Math.max(1, replaced.length) > 0.001) {
      encoding = 'windows-1252';
      warnings.push('The page says it is UTF-8 but is not; it was read as windows-1252. Check accented characters.');
    } else {
      warnings.push(`The page has ${bad} invalid UTF-8 sequence${bad === 1 ? '' : 's'}, shown as �.`);
    }
  }
  if (!bom && !declared && encoding === 'windows-1252' && !warnings.length) {
    warnings.push('The page declares no character set and is not UTF-8; it was read as windows-1252.');
  }
  const text = new TextDecoder(encoding, { ignoreBOM: false }).decode(bytes);
  return { text, encoding, warnings };
}
