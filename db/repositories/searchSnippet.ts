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
 * A term with several words (a phrase, or "e-mail") matches them in order
 * with anything but letters and digits between them; a prefix term matches
 * words starting with it. Terms in scripts written without spaces match as
 * substrings (as the trigram index does). One regular expression finds every
 * hit in one native scan; only the chosen window is split into words.
 */
export const SNIPPET_TOKENS = 24;
/** Words shown before the first hit, so it doesn't open the snippet cold. */
const LEAD_TOKENS = 4;
/** About SNIPPET_TOKENS words of prose, for choosing the window with the most terms. */
const WINDOW_CHARS = 150;

const WORD_CHAR = '[\\p{L}\\p{N}\\p{M}\\p{Co}]';
const WORD = new RegExp(`${WORD_CHAR}+`, 'gu');
const NOT_WORD = `[^\\p{L}\\p{N}\\p{M}\\p{Co}]+`;
const MARKS = /\p{M}/gu;
// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;

const foldCache = new Map<string, string>();

/** One UTF-16 unit to one: a letter with diacritics becomes its base letter, so offsets into the text stay valid. */
function foldChar(ch: string): string {
  let folded = foldCache.get(ch);
  if (folded === undefined) {
    const base = ch.normalize('NFD').replace(MARKS, '');
    folded = base.length === 1 ? base : ch;
    if (foldCache.size < 10_000) foldCache.set(ch, folded);
  }
  return folded;
}

/** Text with diacritics removed, the same length as the input. */
function foldForMatching(text: string): string {
  // eslint-disable-next-line no-control-regex
  return ASCII.test(text) ? text : text.replace(/[^\x00-\x7f]/gu, (ch) => (ch.length === 1 ? foldChar(ch) : ch));
}

export function foldWord(word: string): string {
  if (ASCII.test(word)) return word.toLowerCase();
  return word.normalize('NFD').replace(MARKS, '').toLowerCase();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** Character classes for the text: plain ASCII ones (much faster to match) when text and terms are ASCII. */
interface Classes {
  word: string;
  notWord: string;
  flags: string;
  /** Patterns that assert a word edge before and after. */
  edged(body: string): string;
}
const UNICODE_CLASSES: Classes = { word: WORD_CHAR, notWord: NOT_WORD, flags: 'giu', edged: (body) => `(?<!${WORD_CHAR})${body}(?!${WORD_CHAR})` };
/** \b is many times faster than a lookbehind; the underscore it counts as a letter is blanked out of the text first. */
const ASCII_CLASSES: Classes = { word: '[A-Za-z0-9]', notWord: '[^A-Za-z0-9]+', flags: 'gi', edged: (body) => `\\b${body}\\b` };

function termPattern(term: TextTerm, classes: Classes): string | null {
  if (term.spaceless) return term.text ? escapeRegExp(foldWord(term.text)) : null;
  const words = [...term.text.matchAll(WORD)].map((m) => escapeRegExp(foldWord(m[0])));
  if (words.length === 0) return null;
  const body = words.join(classes.notWord) + (term.prefix ? `${classes.word}*` : '');
  return classes.edged(body);
}

interface Hit {
  start: number;
  end: number;
  term: number;
}

function findHits(text: string, terms: readonly TextTerm[]): Hit[] {
  const ascii = ASCII.test(text) && terms.every((t) => ASCII.test(t.text));
  const classes = ascii ? ASCII_CLASSES : UNICODE_CLASSES;
  const patterns = terms.map((t) => termPattern(t, classes));
  const used = patterns.flatMap((p, i) => (p === null ? [] : [{ p, i }]));
  if (used.length === 0) return [];
  const regex = new RegExp(used.map(({ p }) => `(${p})`).join('|'), classes.flags);
  const hits: Hit[] = [];
  for (const match of (ascii ? text.replaceAll('_', ' ') : foldForMatching(text)).matchAll(regex)) {
    const group = match.findIndex((value, index) => index > 0 && value !== undefined);
    if (match[0].length === 0) continue;
    hits.push({ start: match.index, end: match.index + match[0].length, term: used[group - 1]!.i });
  }
  return hits;
}

/** The hit that opens the window of about WINDOW_CHARS holding the most different terms (then the most hits), earliest first. */
function bestAnchor(hits: Hit[]): Hit {
  let best = { hit: hits[0]!, distinct: -1, count: -1 };
  for (let i = 0; i < hits.length; i++) {
    const limit = hits[i]!.start + WINDOW_CHARS;
    const terms = new Set<number>();
    let count = 0;
    for (let j = i; j < hits.length && hits[j]!.end <= limit; j++) {
      terms.add(hits[j]!.term);
      count++;
    }
    if (terms.size > best.distinct || (terms.size === best.distinct && count > best.count)) best = { hit: hits[i]!, distinct: terms.size, count };
  }
  return best.hit;
}

/** Start of the word LEAD_TOKENS words before `at` (or of the text). */
function leadStart(text: string, at: number): number {
  const before = text.slice(Math.max(0, at - 200), at);
  const words = [...before.matchAll(WORD)];
  const lead = words.slice(-LEAD_TOKENS)[0];
  if (!lead) return at;
  const start = at - before.length + lead.index;
  return words.length > LEAD_TOKENS || at - before.length > 0 ? start : 0;
}

/** End of the SNIPPET_TOKENS-th word from `from` (or of the text). */
const WINDOW_WORDS = new RegExp(`${WORD_CHAR}+`, 'gu');

function windowEnd(text: string, from: number): number {
  const words = WINDOW_WORDS;
  words.lastIndex = from;
  let end = from;
  for (let n = 0; n < SNIPPET_TOKENS; n++) {
    const match = words.exec(text);
    if (!match) return text.length;
    end = match.index + match[0].length;
  }
  return words.exec(text) ? end : text.length;
}

export function buildSnippet(text: string, terms: readonly TextTerm[]): SnippetPart[] {
  if (!/[\p{L}\p{N}]/u.test(text)) return [];
  const hits = findHits(text, terms);
  const from = hits.length ? leadStart(text, bestAnchor(hits).start) : 0;
  const to = windowEnd(text, from);
  const parts: SnippetPart[] = [];
  if (from > 0) parts.push({ text: '…', hit: false });
  let at = from;
  for (const hit of hits) {
    if (hit.start < at || hit.end > to) continue; // outside the window
    if (hit.start > at) parts.push({ text: text.slice(at, hit.start), hit: false });
    parts.push({ text: text.slice(hit.start, hit.end), hit: true });
    at = hit.end;
  }
  if (at < to) parts.push({ text: text.slice(at, to), hit: false });
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
