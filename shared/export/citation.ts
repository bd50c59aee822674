import { escapeInline, linkDestination, safeLinkUrl } from './escape';
import { urlWithTextFragment } from './textFragment';
import type { CitedArticle, CitedPassage } from './types';

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

/** One quote's standing: everything a reader of the export must be told about it. */
export interface QuoteVerdict {
  passage: CitedPassage | undefined;
  altered: boolean;
}

/** Warnings a citation must carry so no quote is passed off as verbatim when it is not. */
export function verdictWarnings(verdict: QuoteVerdict): string[] {
  const { passage } = verdict;
  if (!passage) return ['Unverified quote: its source passage is no longer in Dossier'];
  const warnings: string[] = [];
  if (verdict.altered) warnings.push(`Quote altered in this note; the source reads: “${escapeInline(flatten(passage.exact))}”`);
  if (passage.status === 'changed') warnings.push('Source changed since clipping; quoted as clipped');
  if (passage.status === 'orphan') warnings.push('Passage no longer found in the source; quoted as clipped');
  return warnings;
}

/** Ends with a full stop unless it already ends a sentence (inside closing quotes too). */
function sentence(text: string): string {
  return /[.!?][”’"')]*$/.test(text) ? text : `${text}.`;
}

function flatten(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The page URL with a text fragment for the passage, when the article has a linkable URL. */
export function passageUrl(passage: CitedPassage): string | undefined {
  const url = safeLinkUrl(passage.article.url);
  if (!url || url.startsWith('mailto:')) return undefined;
  return urlWithTextFragment(url, passage);
}

/**
 * A full note citation, Chicago-like:
 * Dana Ruiz, “City awarded water contract,” *The Ledger*, 14 Aug 2026. <https://…#:~:text=…> (accessed 19 Aug 2026).
 */
export function fullCitation(verdict: QuoteVerdict, localCopy?: string): string {
  const { passage } = verdict;
  if (!passage) return `**${sentence(verdictWarnings(verdict).join('. '))}**`;
  const article = passage.article;
  const head = citationHead(article);
  const url = passageUrl(passage);
  const accessed = formatDate(article.accessedAt);
  let text = `${head}.`;
  if (url) text += ` ${linkDestination(url)}`;
  if (accessed) text += ` (accessed ${accessed})`;
  if (url || accessed) text += '.';
  const warnings = verdictWarnings(verdict);
  if (warnings.length > 0) text += ` **${sentence(warnings.join('. '))}**`;
  if (localCopy) text += ` ${localCopy}`;
  return text;
}

function citationHead(article: CitedArticle): string {
  // A footnote definition is one line: metadata with line breaks is flattened.
  const authors = formatAuthors(article.authors.map(flatten));
  const title = escapeInline(flatten(article.title) || 'Untitled');
  const rest: string[] = [];
  if (article.outlet?.trim()) rest.push(`*${escapeInline(flatten(article.outlet))}*`);
  const published = formatDate(article.publishedAt);
  if (published) rest.push(escapeInline(published));
  // Chicago puts the comma after a title inside its quotation marks.
  const titled = rest.length > 0 ? `“${title},” ${rest.join(', ')}` : `“${title}”`;
  return authors ? `${escapeInline(authors)}, ${titled}` : titled;
}

/** Short attribution for the inline-links style: ([Dana Ruiz, *The Ledger*](url); warnings). */
export function inlineAttribution(verdict: QuoteVerdict): string {
  const { passage } = verdict;
  const warnings = verdictWarnings(verdict);
  if (!passage) return `(${warnings.join('; ')})`;
  const article = passage.article;
  const label = [formatAuthors(article.authors.map(flatten)), flatten(article.outlet ?? '') || flatten(article.title) || 'source']
    .filter((p): p is string => !!p)
    .map(escapeInline)
    .join(', ');
  const url = passageUrl(passage);
  const link = url ? `[${label}](${linkDestination(url)})` : label;
  return `(${[link, ...warnings.map(lowerFirst)].join('; ')})`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
