import type { SearchHit } from '../../../../shared/domain/search';

/** Not one of the reader's own highlight names, so the reader clearing its highlights leaves this one alone. */
export const SEARCH_MATCH_HIGHLIGHT = 'dossier-search-match';
const WAIT_MS = 5000;

const CONTAINERS: Record<Exclude<SearchHit['type'], 'quote'>, string> = {
  article: '[data-testid="reader-body"]',
  note: '.editor-content[contenteditable]',
};

/** Lowercased, accents removed, one folded string per character so offsets map back to the DOM. */
function foldChar(ch: string): string {
  return ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words the search matched, as they appear in the text (the snippet's highlighted parts), longest first. */
export function matchedTerms(hit: SearchHit): string[] {
  const terms = new Set(hit.snippet.filter((part) => part.hit).map((part) => part.text.trim()).filter((text) => text.length > 0));
  return [...terms].sort((a, b) => b.length - a.length);
}

interface Found {
  ranges: Range[];
}

/** Every occurrence of the terms in the container's text, in document order (case- and accent-insensitive). */
export function findMatches(container: Element, terms: readonly string[]): Found {
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
  const ranges: Array<{ start: number; range: Range }> = [];
  for (const term of terms) {
    const needle = [...term].map(foldChar).join('');
    if (!needle) continue;
    for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + needle.length)) {
      const start = map[at]!;
      const end = map[at + needle.length - 1]!;
      const endNode = nodes[end.node]!;
      const endChar = endNode.data.codePointAt(end.offset)! > 0xffff ? 2 : 1;
      const range = document.createRange();
      range.setStart(nodes[start.node]!, start.offset);
      range.setEnd(endNode, end.offset + endChar);
      ranges.push({ start: at, range });
    }
  }
  ranges.sort((a, b) => a.start - b.start);
  return { ranges: ranges.map((r) => r.range) };
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
export function revealMatch(hit: SearchHit): void {
  // A quote's reader is opened at the passage, which the reader marks and scrolls to itself.
  if (hit.type === 'quote') return;
  const terms = matchedTerms(hit);
  if (terms.length === 0 || typeof CSS === 'undefined' || !('highlights' in CSS)) return;
  CSS.highlights.delete(SEARCH_MATCH_HIGHLIGHT);
  const started = performance.now();
  const attempt = (): void => {
    const container = document.querySelector(CONTAINERS[hit.type]);
    // The hit's own reader or note, not the one shown before the navigation finished.
    const owner = container?.closest(hit.type === 'article' ? `[data-article-id="${hit.id}"]` : `[data-note-id="${hit.id}"]`);
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
