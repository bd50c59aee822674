/**
 * Escaping for CommonMark (and the Pandoc/GFM dialects people feed it to).
 * Text from a note is data: it must never become markup, raw HTML, an entity,
 * a Pandoc citation or a footnote reference by accident.
 */

// Always special inline: emphasis, code, links/images, raw HTML/autolinks, escapes,
// GFM tables and strikethrough, Pandoc super/subscript, math and attributes.
const INLINE_SPECIAL = /[\\`*_[\]<>|~^$]/g;
const ENTITY_LIKE = /&(?=#?[a-z0-9]+;)/gi;
// Pandoc reads `@key` as a citation.
const CITATION_LIKE = /(^|[^\p{L}\p{N}_])@(?=[\p{L}\p{N}_])/gu;

/** Escapes text for use inside a paragraph, heading, list item, link text or table-free context. */
export function escapeInline(text: string): string {
  return text.replace(INLINE_SPECIAL, '\\$&').replace(ENTITY_LIKE, '\\&').replace(CITATION_LIKE, '$1\\@');
}

/** Escapes `{`/`}` too, which Pandoc reads as attributes at the end of a heading. */
export function escapeHeading(text: string): string {
  return escapeInline(text).replace(/[{}]/g, '\\$&').replace(/#+\s*$/, (m) => m.replace(/#/g, '\\#'));
}

/**
 * Makes one rendered line safe where it starts a block: a line of prose must
 * not turn into a heading, list item, thematic break, setext underline, Pandoc
 * definition, fenced or indented code.
 */
export function protectLineStart(line: string): string {
  const trimmed = line.replace(/^[ \t]+/, '');
  if (/^(#|[-+=:]|>)/.test(trimmed)) return `\\${trimmed}`;
  const ordered = /^(\d{1,9})([.)])/.exec(trimmed);
  if (ordered) return `${ordered[1]}\\${ordered[2]}${trimmed.slice(ordered[0].length)}`;
  return trimmed;
}

/** An inline code span that holds `code` verbatim, however many backticks it contains. */
export function codeSpan(code: string): string {
  const flat = code.replace(/\r?\n/g, ' ');
  const longestRun = Math.max(0, ...Array.from(flat.matchAll(/`+/g), (m) => m[0].length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || (flat.startsWith(' ') && flat.endsWith(' ') && flat.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A code fence longer than any backtick run in the block. */
export function codeFence(code: string): string {
  const longestRun = Math.max(0, ...Array.from(code.matchAll(/`{3,}/g), (m) => m[0].length));
  return '`'.repeat(Math.max(3, longestRun + 1));
}

/** Links a note may carry into Markdown: web and mail only; returns the normalized URL. */
export function safeLinkUrl(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'mailto:') return undefined;
  // URL.href percent-encodes spaces and angle brackets; parentheses are fine inside <…>.
  return url.href;
}

/** A link destination in the `<…>` form, which needs no escaping of parentheses. */
export function linkDestination(url: string): string {
  return `<${url.replace(/[<>\s]/g, (c) => encodeURIComponent(c))}>`;
}
