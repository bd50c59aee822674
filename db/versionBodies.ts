import { deflateSync, gunzipSync, inflateSync } from 'node:zlib';
import { DossierError } from '../shared/errors';
import { MAX_STORED_BODY_BYTES, megabytes } from '../shared/limits';

/** Migration 007 (landed, never edited) imports sha256Hex from here; the definition is db/sha256.ts. */
export { sha256Hex } from './sha256';

/**
 * How an article version's bulky bodies are stored (migration 7).
 *
 * content_text stays plain: full-text search reads it (external content) and
 * passages anchor into it by UTF-16 offsets. The clean HTML and the original
 * bytes are stored as zlib streams (RFC 1950) in content_html_z / original_z,
 * at the end of the row, so reading content_text never walks their overflow
 * pages:
 *
 * - The HTML is compressed with the version's text (UTF-8) as zlib's preset
 *   dictionary: the HTML is mostly that text with tags, so it shrinks to its
 *   markup. Both are derived from the original by the same extraction.
 * - The original is compressed against the text too when it is mostly that
 *   text (a .txt/.md file, a paste): any zlib inflater restores it exactly
 *   given the text, the stream's DICTID (Adler-32 of the dictionary) refuses
 *   a wrong one, and original_sha256 proves the bytes. A web page (original
 *   much larger than its text) is compressed on its own.
 *
 * Rows written the older way (plain content_html, gzip in original_gzip) stay
 * readable: readers go through readHtml / readOriginal. A version's text is
 * immutable once bodies are stored against it (a trigger refuses the update).
 */

/** Originals up to this multiple of their text's size are "mostly the text". */
const TEXT_DICTIONARY_MAX_RATIO = 1.5;
/** Against the text most of the input is long matches: a fast level loses almost nothing there. */
const LEVEL_AGAINST_TEXT = 2;
const LEVEL_STANDALONE = 6;

export interface PackedBodies {
  /** Always empty for packed rows: the NOT NULL legacy columns (migration 007 still writes them). */
  contentHtml: '';
  originalGzip: Buffer;
  contentHtmlZ: Buffer;
  originalZ: Buffer;
}

export function packBodies(original: Uint8Array, html: string, text: string): PackedBodies {
  const dictionary = Buffer.from(text, 'utf8');
  const originalAgainstText = dictionary.length > 0 && original.length <= dictionary.length * TEXT_DICTIONARY_MAX_RATIO;
  return {
    contentHtml: '',
    originalGzip: Buffer.alloc(0),
    contentHtmlZ: deflateSync(Buffer.from(html, 'utf8'), dictionary.length > 0 ? { level: LEVEL_AGAINST_TEXT, dictionary } : { level: LEVEL_STANDALONE }),
    originalZ: deflateSync(original, originalAgainstText ? { level: LEVEL_AGAINST_TEXT, dictionary } : { level: LEVEL_STANDALONE }),
  };
}

/**
 * zlib asks for the dictionary only when the stream was made with one; otherwise the option is unused.
 * Every inflate is capped (MAX_STORED_BODY_BYTES): a bomb stored in a row costs at most that much.
 */
function inflate(packed: Buffer, text: string, what: string): Buffer {
  const options = { maxOutputLength: MAX_STORED_BODY_BYTES, ...(text.length > 0 ? { dictionary: Buffer.from(text, 'utf8') } : {}) };
  try {
    return inflateSync(packed, options);
  } catch (error) {
    throw tooLarge(error, what);
  }
}

/** A legacy original_gzip (rows from before migration 7 that it left unpacked), capped like inflate. */
function gunzipLegacy(gzipped: Uint8Array, what: string): Buffer {
  try {
    return gunzipSync(gzipped, { maxOutputLength: MAX_STORED_BODY_BYTES });
  } catch (error) {
    throw tooLarge(error, what);
  }
}

function tooLarge(error: unknown, what: string): unknown {
  if ((error as { code?: unknown }).code !== 'ERR_BUFFER_TOO_LARGE') return error;
  return new DossierError('too_large', `${what} expands to more than ${megabytes(MAX_STORED_BODY_BYTES)}; Dossier refuses to read it (the data is damaged or hostile).`);
}

export interface StoredBodies {
  content_html: string;
  content_html_z: Buffer | null;
  content_text: string;
}

/** The clean HTML, however the row stores it. A plain content_html (e.g. rewritten in place) wins. */
export function readHtml(row: StoredBodies): string {
  if (row.content_html !== '' || row.content_html_z === null) return row.content_html;
  return inflate(row.content_html_z, row.content_text, 'The stored HTML').toString('utf8');
}

export interface StoredOriginal {
  original_gzip: Buffer;
  original_z: Buffer | null;
  content_text: string;
}

/** The original bytes, however the row stores them. */
export function readOriginal(row: StoredOriginal): Buffer {
  if (row.original_z === null) return gunzipLegacy(row.original_gzip, 'The stored original');
  return inflate(row.original_z, row.content_text, 'The stored original');
}

/**
 * Proves a row's compressed bodies readable within the caps, without keeping
 * them (archive import runs this on every version before anything is written).
 * Every packed column is checked, even one a plain content_html would hide.
 */
export function checkPackedBodies(row: { content_html_z: unknown; original_z: unknown; content_text: unknown }): void {
  const text = typeof row.content_text === 'string' ? row.content_text : '';
  if (Buffer.isBuffer(row.content_html_z)) inflate(row.content_html_z, text, 'The stored HTML');
  if (Buffer.isBuffer(row.original_z)) inflate(row.original_z, text, 'The stored original');
}
