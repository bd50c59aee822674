import { describe } from '../anchoring/selectors';
import type { Article } from '../domain/article';
import { escapeInline, linkDestination, safeLinkUrl } from '../export/escape';
import { urlWithTextFragment } from '../export/textFragment';
import type { CitedArticle, CitedPassage } from '../export/types';

/**
 * THE citation text of a quoted passage, Chicago-like:
 *   Dana Ruiz, “City awarded water contract,” The Ledger, 14 Aug 2026. https://…#:~:text=… (accessed 19 Aug 2026).
 * The Markdown export (footnotes) and the reader's "Copy with citation" both
 * build it here, so a pasted citation and an exported one never disagree.
 * `markdown` escapes metadata (it is data, never markup), italicizes the
 * outlet and wraps the URL in <…>; `plain` is the same text for the clipboard.
 * Warnings about altered or moved quotes are the export's business (citation.ts).
 */
export type CitationMarkup = 'markdown' | 'plain';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "14 Aug 2026" from a stored ISO date or date-time; the raw text if it is not one. */
export function formatDate(value: string | null): string | undefined {
  if (!value) return undefined;
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(value);
  if (!match) return value;
  const month = MONTHS[Number(match[2]) - 1];
  if (!month) return value;
  return match[3] ? `${Number(match[3])} ${month} ${match[1]}` : `${month} ${match[1]}`;
}

export function formatAuthors(authors: string[]): string | undefined {
  const names = authors.map((a) => a.trim()).filter((a) => a !== '');
  if (names.length === 0) return undefined;
  if (names.length === 1) return names[0];
  if (names.length === 2) return `${names[0]} and ${names[1]}`;
  return `${names.slice(0, -1).join(', ')}, and ${names.at(-1)}`;
}

/** A citation is one line: metadata with line breaks is flattened. */
export function flatten(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The page URL with a text fragment for the passage, when the article has a linkable URL. */
export function passageUrl(passage: CitedPassage): string | undefined {
  const url = safeLinkUrl(passage.article.url);
  if (!url || url.startsWith('mailto:')) return undefined;
  return urlWithTextFragment(url, passage);
}

/** Author(s), “title,” outlet, date — without the final full stop. */
export function citationHead(article: CitedArticle, markup: CitationMarkup): string {
  const esc = markup === 'markdown' ? escapeInline : (text: string) => text;
  const authors = formatAuthors(article.authors.map(flatten));
  const title = esc(flatten(article.title) || 'Untitled');
  const rest: string[] = [];
  if (article.outlet?.trim()) rest.push(markup === 'markdown' ? `*${esc(flatten(article.outlet))}*` : flatten(article.outlet));
  const published = formatDate(article.publishedAt);
  if (published) rest.push(esc(published));
  // Chicago puts the comma after a title inside its quotation marks.
  const titled = rest.length > 0 ? `“${title},” ${rest.join(', ')}` : `“${title}”`;
  return authors ? `${esc(authors)}, ${titled}` : titled;
}

/** Words of a title a chip keeps; a longer title ends in "…". */
const SHORT_TITLE_WORDS = 5;
const SHORT_TITLE_CHARS = 36;

/**
 * THE short citation a quote's chip shows: the first author (“et al.” for
 * more), or the outlet when no author is known, then the title's first words:
 *   Dana Ruiz, City awarded water contract
 *   The Ledger, Harbour authority approves the dredging…
 */
export function shortCitation(article: Pick<CitedArticle, 'authors' | 'outlet' | 'title'>): string {
  const authors = article.authors.map(flatten).filter((a) => a !== '');
  const lead = authors.length > 0 ? `${authors[0]}${authors.length > 1 ? ' et al.' : ''}` : flatten(article.outlet ?? '');
  const title = shortTitle(flatten(article.title) || 'Untitled');
  return lead ? `${lead}, ${title}` : title;
}

function shortTitle(title: string): string {
  const words = title.split(' ');
  let short = words.slice(0, SHORT_TITLE_WORDS).join(' ');
  if (short.length > SHORT_TITLE_CHARS) short = short.slice(0, SHORT_TITLE_CHARS).replace(/\s+\S*$/u, '') || short.slice(0, SHORT_TITLE_CHARS);
  return short.length < title.length ? `${short.replace(/[\s,.;:–—-]+$/u, '')}…` : title;
}

/** The full citation of a passage: head, link to the passage, accessed date. */
export function citationText(passage: CitedPassage, markup: CitationMarkup): string {
  const url = passageUrl(passage);
  const accessed = formatDate(passage.article.accessedAt);
  let text = `${citationHead(passage.article, markup)}.`;
  if (url) text += ` ${markup === 'markdown' ? linkDestination(url) : url}`;
  if (accessed) text += ` (accessed ${accessed})`;
  if (url || accessed) text += '.';
  return text;
}

/** The citation view of an article as the reader has it (the export reads the same fields from the database). */
export function citedArticleOf(article: Pick<Article, 'id' | 'title' | 'authors' | 'byline' | 'siteName' | 'publishedAt' | 'canonicalUrl' | 'clippedAt'>): CitedArticle {
  const authors = article.authors.filter((a) => a.trim() !== '');
  return {
    id: article.id,
    title: article.title,
    authors: authors.length > 0 ? authors : article.byline?.trim() ? [article.byline.trim()] : [],
    outlet: article.siteName,
    publishedAt: article.publishedAt,
    url: article.canonicalUrl,
    accessedAt: article.clippedAt,
  };
}

/** How many times `exact` occurs in `text`, counted up to 2 (more than one makes a text fragment need context). */
export function occurrencesUpToTwo(text: string, exact: string): number {
  if (exact === '') return 0;
  let count = 0;
  for (let at = text.indexOf(exact); at !== -1 && count < 2; at = text.indexOf(exact, at + 1)) count += 1;
  return count;
}

/**
 * What "Copy with citation" puts on the clipboard for the selection text[start, end)
 * of an article's text: the quoted words, then the citation on its own line, its
 * link pointing at the passage like an exported footnote's.
 */
export function quoteWithCitation(text: string, start: number, end: number, article: CitedArticle): string {
  while (start < end && /\s/.test(text[start]!)) start += 1;
  while (end > start && /\s/.test(text[end - 1]!)) end -= 1;
  if (start === end) return '';
  const { quote } = describe(text, start, end);
  const passage: CitedPassage = { passageId: 0, ...quote, status: 'ok', occurrences: occurrencesUpToTwo(text, quote.exact), article };
  return `“${quote.exact}”\n— ${citationText(passage, 'plain')}`;
}
