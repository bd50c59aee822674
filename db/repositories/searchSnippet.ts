import type { TextTerm } from '../../shared/search/query';
import type { SnippetPart } from '../../shared/domain/search';

/**
 * Snippets built from a hit's text and the query's terms, for the top hits
 * only. FTS5's snippet() needs the row under a MATCH cursor, and getting 20
 * chosen rows under one costs a second evaluation of the query per row (a
 * prefix query expands again each time); ranking and counting all matches in
 * one pass, then building 20 snippets here, is cheaper.
 *
 * Words are matched the way the unicode61 tokenizer with remove_diacritics 2
 * reads them: runs of letters, digits and marks, case and diacritics folded.
 * A term with several words (a phrase, or "e-mail") matches them in order; a
 * prefix term matches words starting with it. Terms in scripts written
 * without spaces match as substrings (as the trigram index does).
 */
export const SNIPPET_TOKENS = 24;
/** Words shown before the first hit, so it doesn't open the snippet cold. */
const LEAD_TOKENS = 4;

interface Token {
  start: number;
  end: number;
  folded: string;
}

interface Hit {
  start: number;
  end: number;
  /** Token index where the hit starts (for spaceless substrings, the token containing it). */
  token: number;
  term: number;
}

const WORD = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;
const MARKS = /\p{M}/gu;

export function foldWord(word: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(word)) return word.toLowerCase();
  return word.normalize('NFD').replace(MARKS, '').toLowerCase();
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) tokens.push({ start: match.index, end: match.index + match[0].length, folded: foldWord(match[0]) });
  return tokens;
}

function findHits(text: string, tokens: Token[], terms: readonly TextTerm[]): Hit[] {
  const hits: Hit[] = [];
  terms.forEach((term, termIndex) => {
    if (term.spaceless) {
      const lower = text.toLowerCase();
      const needle = term.text.toLowerCase();
      if (!needle) return;
      let tokenIndex = 0;
      for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + needle.length)) {
        while (tokenIndex < tokens.length - 1 && tokens[tokenIndex]!.end <= at) tokenIndex++;
        hits.push({ start: at, end: at + needle.length, token: tokenIndex, term: termIndex });
      }
      return;
    }
    const words = [...term.text.matchAll(WORD)].map((m) => foldWord(m[0]));
    if (words.length === 0) return;
    const last = words.length - 1;
    for (let i = 0; i + last < tokens.length; i++) {
      let ok = true;
      for (let w = 0; w <= last && ok; w++) {
        const folded = tokens[i + w]!.folded;
        ok = w === last && term.prefix ? folded.startsWith(words[w]!) : folded === words[w];
      }
      if (ok) hits.push({ start: tokens[i]!.start, end: tokens[i + last]!.end, token: i, term: termIndex });
    }
  });
  return hits.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The window of SNIPPET_TOKENS words holding the most different terms (then the most hits), earliest first. */
function bestWindow(hits: Hit[]): number {
  let best = { start: 0, distinct: -1, count: -1 };
  for (let i = 0; i < hits.length; i++) {
    const start = Math.max(0, hits[i]!.token - LEAD_TOKENS);
    const terms = new Set<number>();
    let count = 0;
    for (let j = i; j < hits.length && hits[j]!.token < start + SNIPPET_TOKENS; j++) {
      terms.add(hits[j]!.term);
      count++;
    }
    if (terms.size > best.distinct || (terms.size === best.distinct && count > best.count)) best = { start, distinct: terms.size, count };
  }
  return best.start;
}

export function buildSnippet(text: string, terms: readonly TextTerm[]): SnippetPart[] {
  const tokens = tokenize(text);
  if (tokens.length === 0) return [];
  const hits = findHits(text, tokens, terms);
  const first = hits.length ? bestWindow(hits) : 0;
  const lastToken = Math.min(tokens.length, first + SNIPPET_TOKENS) - 1;
  const from = first === 0 ? 0 : tokens[first]!.start;
  const to = lastToken === tokens.length - 1 ? text.length : tokens[lastToken]!.end;
  const parts: SnippetPart[] = [];
  let at = from;
  for (const hit of hits) {
    if (hit.start < at || hit.end > to) continue; // outside the window, or overlapping one already marked
    if (hit.start > at) parts.push({ text: text.slice(at, hit.start), hit: false });
    parts.push({ text: text.slice(hit.start, hit.end), hit: true });
    at = hit.end;
  }
  if (at < to) parts.push({ text: text.slice(at, to), hit: false });
  if (from > 0) parts.unshift({ text: '…', hit: false });
  if (to < text.length) parts.push({ text: '…', hit: false });
  const merged: SnippetPart[] = [];
  for (const part of parts) {
    const clean = { text: part.text.replace(/\s+/gu, ' '), hit: part.hit };
    const previous = merged.at(-1);
    if (previous && !previous.hit && !clean.hit) previous.text += clean.text;
    else if (clean.text.length > 0) merged.push(clean);
  }
  return merged;
}
