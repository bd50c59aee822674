import type { SearchHit } from '../../../../shared/domain/search';
import { asYouTypeQuery } from '../../../../shared/search/asYouType';
import { parseQuery } from '../../../../shared/search/parseQuery';

/** Not one of the reader's own highlight names, so the reader clearing its highlights leaves this one alone. */
export const SEARCH_MATCH_HIGHLIGHT = 'dossier-search-match';
const WAIT_MS = 5000;

const CONTAINERS: Record<'article' | 'note', string> = {
  article: '[data-testid="reader-body"]',
  note: '.editor-content[contenteditable]',
};

/** Lowercased, accents removed, one folded string per character so offsets map back to the DOM. */
function foldChar(ch: string): string {
  return ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** A term to highlight: the query's words and phrases, matched on word boundaries (a prefix term at word starts). */
export interface MatchTerm {
  text: string;
  prefix: boolean;
  /** Scripts written without spaces have no word boundaries to respect. */
  spaceless: boolean;
}

/** The terms of what the journalist typed (negated ones excluded), as the search box sent them. */
export function queryTerms(typed: string): MatchTerm[] {
  const parsed = parseQuery(asYouTypeQuery(typed));
  if (!parsed.ok) return [];
  return parsed.query.groups.filter((g) => !g.negated).flatMap((g) => g.terms.map((t) => ({ text: t.text, prefix: t.prefix, spaceless: t.spaceless })));
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Where the terms occur in a folded text (see foldChar), as [start, end) in that text,
 * sorted: a word term only as a whole word, a prefix term only at the start of a
 * word — so "s" never lights up the s inside "Neumann's" neighbours, only a word "s".
 */
export function termMatches(folded: string, terms: readonly MatchTerm[]): Array<{ start: number; end: number }> {
  const found: Array<{ start: number; end: number }> = [];
  for (const term of terms) {
    const needle = [...term.text].map(foldChar).join('');
    if (!needle) continue;
    for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
      const end = at + needle.length;
      if (!term.spaceless) {
        if (at > 0 && WORD_CHAR.test(folded[at - 1]!)) continue;
        if (!term.prefix && end < folded.length && WORD_CHAR.test(folded[end]!)) continue;
      }
      found.push({ start: at, end });
    }
  }
  return found.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The words the search matched, as they appear in the text (the snippet's highlighted parts), longest first. */
export function matchedTerms(hit: SearchHit): string[] {
  const terms = new Set(hit.snippet.filter((part) => part.hit).map((part) => part.text.trim()).filter((text) => text.length > 0));
  return [...terms].sort((a, b) => b.length - a.length);
}

interface Found {
  ranges: Range[];
}

/** Every occurrence of the terms in the container's text, in document order (case- and accent-insensitive, on word boundaries). */
export function findMatches(container: Element, terms: readonly MatchTerm[]): Found {
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  let folded = '';
  const map: Array<{ node: number; offset: number }> = [];
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const text = node.data;
    let offset = 0;
    for (const ch of text) {
      const f = foldChar(ch);
      for (let i = 0; i < f.length; i++) map.push({ node: nodes.length, offset });
      folded += f;
      offset += ch.length;
    }
    map.push({ node: nodes.length, offset });
    folded += '\u0000'; // text nodes never match across their boundary
    nodes.push(node);
  }
  const ranges = termMatches(folded, terms).map(({ start: at, end: stop }) => {
    const start = map[at]!;
    const end = map[stop - 1]!;
    const endNode = nodes[end.node]!;
    const endChar = endNode.data.codePointAt(end.offset)! > 0xffff ? 2 : 1;
    const range = document.createRange();
    range.setStart(nodes[start.node]!, start.offset);
    range.setEnd(endNode, end.offset + endChar);
    return range;
  });
  return { ranges };
}

function scrollerOf(element: Element): HTMLElement | null {
  for (let el = element.parentElement; el; el = el.parentElement) {
    const overflow = getComputedStyle(el).overflowY;
    if ((overflow === 'auto' || overflow === 'scroll') && el.scrollHeight > el.clientHeight) return el;
  }
  return null;
}

/**
 * After a search result is opened: waits for the reader (article) or the
 * editor (note) to show the text, highlights every occurrence of the matched
 * words and scrolls the first one into view, a third of the way down. The
 * highlight goes when the journalist navigates elsewhere.
 */
export function revealMatch(hit: SearchHit, typed?: string): void {
  // A quote's reader is opened at the passage, which the reader marks and scrolls to itself.
  if (hit.type === 'quote') return;
  // A fact opens its article with the fact's own words marked (a speaker: search has no words to mark).
  const isFact = hit.type !== 'article' && hit.type !== 'note';
  const target = isFact ? { type: 'article' as const, id: hit.articleId } : { type: hit.type, id: hit.id };
  const fromQuery = typed === undefined || isFact ? [] : queryTerms(typed);
  const terms = isFact
    ? [{ text: hit.text, prefix: true, spaceless: true }]
    : fromQuery.length > 0
      ? fromQuery
      : matchedTerms(hit).map((text) => ({ text, prefix: false, spaceless: false }));
  if (terms.length === 0 || typeof CSS === 'undefined' || !('highlights' in CSS)) return;
  CSS.highlights.delete(SEARCH_MATCH_HIGHLIGHT);
  const started = performance.now();
  const attempt = (): void => {
    const container = document.querySelector(CONTAINERS[target.type]);
    // The hit's own reader or note, not the one shown before the navigation finished.
    const owner = container?.closest(target.type === 'article' ? `[data-article-id="${target.id}"]` : `[data-note-id="${target.id}"]`);
    const { ranges } = container && owner ? findMatches(container, terms) : { ranges: [] };
    if (ranges.length === 0) {
      if (performance.now() - started < WAIT_MS) setTimeout(attempt, 50);
      return;
    }
    CSS.highlights.set(SEARCH_MATCH_HIGHLIGHT, new Highlight(...ranges));
    const first = ranges[0]!;
    const scroller = scrollerOf(container!);
    if (scroller) {
      const rect = first.getBoundingClientRect();
      const box = scroller.getBoundingClientRect();
      scroller.scrollTop += rect.top - box.top - box.height / 3;
    }
    const clear = (): void => {
      CSS.highlights.delete(SEARCH_MATCH_HIGHLIGHT);
      window.removeEventListener('hashchange', clear);
    };
    window.addEventListener('hashchange', clear);
  };
  // After the navigation this follows has rendered.
  setTimeout(attempt, 0);
}
