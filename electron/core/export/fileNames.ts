import { MAX_FILE_NAME_BYTES } from '../../../shared/limits';

/**
 * File names made from user titles. A title is hostile input: it may try to
 * climb out of the folder (`../../x`), name a Windows device (`CON`, `COM¹`),
 * hide characters (bidi overrides, zero-width joiners), exceed the file
 * system's limit, or differ from another title only by case or Unicode
 * normalization. Every name returned here is safe on Windows, macOS and Linux.
 */


// Controls, format characters (bidi controls, zero-width space/joiners, BOM, soft hyphen), line/paragraph separators.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
// Forbidden on Windows, plus what breaks Markdown and Obsidian links ([ ] # ^).
const FORBIDDEN = /[/\\:*?"<>|[\]#^]/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

const encoder = new TextEncoder();
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

/** The longest prefix of `text` within `maxBytes` UTF-8 bytes, never splitting a character (grapheme). */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (utf8Length(text) <= maxBytes) return text;
  let out = '';
  let bytes = 0;
  for (const { segment } of segmenter.segment(text)) {
    const size = utf8Length(segment);
    if (bytes + size > maxBytes) break;
    out += segment;
    bytes += size;
  }
  return out;
}

/** A cleaned stem (no extension) for `title`, or `fallback` when nothing usable is left. */
export function safeStem(title: string, fallback: string, maxBytes = MAX_FILE_NAME_BYTES): string {
  let stem = title.normalize('NFC').replace(INVISIBLE, '').replace(FORBIDDEN, ' ').replace(/\s+/gu, ' ');
  stem = stripEdges(truncateUtf8(stripEdges(stem), maxBytes));
  if (stem === '') stem = fallback;
  // Windows reserves device names whatever follows the first dot ("CON.md", "con.backup.md", "COM¹ .md").
  const [first = '', ...rest] = stem.split('.');
  if (RESERVED.test(first.trimEnd())) stem = stripEdges(truncateUtf8([`${first.trimEnd()}_`, ...rest].join('.'), maxBytes));
  return stem;
}

/** No leading dots (hidden files, `..`), no leading/trailing spaces, no trailing dots (Windows drops them). */
function stripEdges(text: string): string {
  return text.replace(/^[\s.]+/u, '').replace(/[\s.]+$/u, '');
}

/** How two names compare on a case-insensitive, normalization-insensitive file system (macOS, Windows). */
export function foldName(name: string): string {
  return name.normalize('NFC').toUpperCase().toLowerCase().normalize('NFC');
}

/**
 * Hands out distinct file names within one folder. Twins by case or Unicode
 * form get " (2)", " (3)"… so no export overwrites another on any platform.
 */
export class FileNameAllocator {
  private readonly taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.taken.add(foldName(name));
  }

  allocate(title: string, extension: string, fallback = 'Untitled'): string {
    const budget = MAX_FILE_NAME_BYTES - utf8Length(extension);
    const stem = safeStem(title, fallback, budget);
    for (let n = 1; ; n += 1) {
      const suffix = n === 1 ? '' : ` (${n})`;
      const candidate = `${n === 1 ? stem : stripEdges(truncateUtf8(stem, budget - utf8Length(suffix)))}${suffix}${extension}`;
      const key = foldName(candidate);
      if (!this.taken.has(key)) {
        this.taken.add(key);
        return candidate;
      }
    }
  }
}
