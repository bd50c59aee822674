import type { CitedPassage } from './types';

/**
 * URL text fragments (https://wicg.github.io/scroll-to-text-fragment/): a link
 * that opens the source page scrolled to, and highlighting, the quoted passage.
 * `#:~:text=[prefix-,]textStart[,textEnd][,-suffix]`.
 */

/** Quotes longer than this many words are addressed by their first and last words. */
const RANGE_THRESHOLD_WORDS = 10;
const RANGE_EDGE_WORDS = 4;
/** Below this many words a quote is likely to occur elsewhere on the page: add context. */
const SHORT_QUOTE_WORDS = 4;
const CONTEXT_WORDS = 3;

/** Percent-encodes one directive term: the spec reserves `&`, `-` and `,` on top of URL syntax. */
export function encodeFragmentTerm(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D');
}

function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => w !== '');
}

/** Context words next to the passage, kept within its own block and whole words only. */
function contextWords(context: string, side: 'before' | 'after'): string[] {
  const parts = context.split(/\n\s*\n/);
  const block = side === 'before' ? parts.at(-1)! : parts[0]!;
  const list = words(block);
  if (side === 'before') {
    // The first stored word may be cut mid-word unless the block starts inside the context.
    const complete = parts.length > 1 || /^\s/.test(block) ? list : list.slice(1);
    return complete.slice(-CONTEXT_WORDS);
  }
  const complete = parts.length > 1 || /\s$/.test(block) ? list : list.slice(0, -1);
  return complete.slice(0, CONTEXT_WORDS);
}

export function textFragmentDirective(passage: Pick<CitedPassage, 'exact' | 'prefix' | 'suffix' | 'occurrences'>): string | undefined {
  const quoteWords = words(passage.exact);
  if (quoteWords.length === 0) return undefined;
  const terms: string[] = [];
  const needsContext = quoteWords.length < SHORT_QUOTE_WORDS || (passage.occurrences ?? 1) > 1;
  if (needsContext) {
    const before = contextWords(passage.prefix, 'before');
    if (before.length > 0) terms.push(`${encodeFragmentTerm(before.join(' '))}-`);
  }
  if (quoteWords.length > RANGE_THRESHOLD_WORDS || /\n\s*\n/.test(passage.exact)) {
    const first = words(passage.exact.split(/\n\s*\n/)[0]!).slice(0, RANGE_EDGE_WORDS);
    const last = words(passage.exact.split(/\n\s*\n/).at(-1)!).slice(-RANGE_EDGE_WORDS);
    terms.push(encodeFragmentTerm(first.join(' ')), encodeFragmentTerm(last.join(' ')));
  } else {
    terms.push(encodeFragmentTerm(quoteWords.join(' ')));
  }
  if (needsContext) {
    const after = contextWords(passage.suffix, 'after');
    if (after.length > 0) terms.push(`-${encodeFragmentTerm(after.join(' '))}`);
  }
  return `:~:text=${terms.join(',')}`;
}

/** The page URL with a text fragment for the passage; any existing fragment is replaced. */
export function urlWithTextFragment(url: string, passage: Pick<CitedPassage, 'exact' | 'prefix' | 'suffix' | 'occurrences'>): string {
  const directive = textFragmentDirective(passage);
  if (!directive) return url;
  const hashAt = url.indexOf('#');
  const base = hashAt === -1 ? url : url.slice(0, hashAt);
  return `${base}#${directive}`;
}
