import { parse as parseYaml } from 'yaml';
import { decodeBytes } from '../clip/decode';
import { DossierError } from '../../../shared/errors';

/**
 * Reads the metadata a text or Markdown file carries the ways archives and
 * clippers write it, and leaves the rest as the article's text:
 *
 * - YAML front matter (--- … ---): title, source/url/link, author/authors/by,
 *   published/date, site.
 * - A first line that is a `# Heading` (or, in a .txt file, the first
 *   non-empty line) is the title; otherwise the file name is.
 * - Header lines right after the title: `Source: URL`, `URL: URL`,
 *   `By NAME`, `Author: NAME`, `Published: DATE`, `Date: DATE`,
 *   `Clipped: DATE` (kept only in the original).
 *
 * Markdown `#` headings in the body become headings; other Markdown stays as
 * typed.
 */
export interface ParsedTextFile {
  title: string;
  text: string;
  byline: string | null;
  siteName: string | null;
  canonicalUrl: string | null;
  publishedAt: string | null;
  /** Indexes of the blocks of `text` that are headings. */
  headings: Set<number>;
  /** `text` as its blocks (one line each, NFC). */
  blocks: string[];
}

const HEADER_LINE = /^(source|url|by|author|published|date|clipped)(?::\s*|\s+)(.+)$/i;

export function parseTextFile(bytes: Uint8Array, filename: string): ParsedTextFile {
  const markdown = /\.(md|markdown|mdown)$/i.test(filename);
  let text = decodeBytes(bytes, { html: false }).text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const meta: { title?: string; url?: string; by?: string; published?: string; site?: string } = {};

  const front = /^---\n([\s\S]*?)\n(?:---|\.\.\.)\n/.exec(text);
  if (front) {
    const data = safeYaml(front[1]!);
    const pick = (...keys: string[]) => {
      for (const key of keys) {
        const value = data[key];
        if (typeof value === 'string' && value.trim()) return value.trim();
        if (value instanceof Date) return value.toISOString();
        if (Array.isArray(value) && value.every((v) => typeof v === 'string') && value.length) return value.join(', ');
      }
      return undefined;
    };
    meta.title = pick('title');
    meta.url = pick('source', 'url', 'link', 'canonical_url');
    meta.by = pick('author', 'authors', 'by', 'byline');
    meta.published = pick('published', 'date', 'published_at');
    meta.site = pick('site', 'site_name', 'publisher');
    text = text.slice(front[0].length);
  }

  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  const first = lines[i]?.trim() ?? '';
  const heading = /^#\s+(.+?)\s*#*$/.exec(first);
  if (heading || (!markdown && !meta.title && first)) {
    meta.title ??= heading ? heading[1]! : first;
    i++;
  }
  // Header lines: only directly under the title, before the first paragraph.
  for (; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const header = HEADER_LINE.exec(line);
    if (!header || line.length > 300) break;
    const [, key, value] = header as unknown as [string, string, string];
    const k = key.toLowerCase();
    if ((k === 'source' || k === 'url') && /^https?:\/\/\S+$/i.test(value.trim())) meta.url ??= value.trim();
    else if ((k === 'by' || k === 'author') && value.length <= 200) meta.by ??= value.trim();
    else if (k === 'published' || k === 'date') meta.published ??= value.trim();
    else if (k !== 'clipped') break;
  }

  const headings = new Set<number>();
  const blocks: string[] = [];
  const body = lines.slice(i).join('\n');
  // eslint-disable-next-line no-control-regex
  const normalized = /^[\x00-\x7f]*$/.test(body) ? body : body.normalize('NFC');
  for (const raw of normalized.split(/\n[ \t]*\n+/)) {
    const block = raw.replace(/[ \t\n\f\v]+/g, ' ').trim();
    if (!block) continue;
    const h = markdown ? /^#{1,6}\s+(.+?)\s*#*$/.exec(block) : null;
    if (h) headings.add(blocks.length);
    blocks.push(h ? h[1]! : block);
  }

  const title = (meta.title ?? titleFromName(filename)).trim();
  if (!title) throw new DossierError('invalid_input', 'The file has no title and no name to take one from.');
  if (blocks.length === 0) throw new DossierError('invalid_input', 'The file has no text to import.');
  const url = meta.url && /^https?:\/\//i.test(meta.url) ? meta.url : null;
  return {
    title,
    text: blocks.join('\n\n'),
    blocks,
    byline: meta.by ?? null,
    siteName: meta.site ?? (url ? hostOf(url) : null),
    canonicalUrl: url,
    publishedAt: meta.published ? isoDate(meta.published) : null,
    headings,
  };
}

function safeYaml(source: string): Record<string, unknown> {
  try {
    const value: unknown = parseYaml(source, { maxAliasCount: 10 });
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function titleFromName(name: string): string {
  return name.replace(/\.(txt|text|md|markdown|mdown)$/i, '').replace(/[_]+/g, ' ');
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** A date the file states, as ISO, or null when it is not one. */
function isoDate(value: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
