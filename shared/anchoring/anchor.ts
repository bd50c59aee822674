import search from 'approx-string-match';
import { diffWordsWithSpace } from 'diff';
import type { PassageSelectors } from './selectors';

export type AnchorStatus = 'ok' | 'changed' | 'orphan';
/** Which step found the passage: the cheap ones come first. */
export type AnchorMethod = 'position' | 'exact' | 'fuzzy-window' | 'fuzzy-text' | 'none';

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

export interface AnchorResult {
  status: AnchorStatus;
  /** UTF-16 offsets of the match in the anchored text; null for an orphan. */
  start: number | null;
  end: number | null;
  /** The text found there (equals `exact` when ok). */
  matched: string | null;
  method: AnchorMethod;
  /** 1 − edit distance / quote length. */
  quoteSimilarity: number;
  /** Weighted quote + prefix + suffix similarity (0..1). */
  score: number;
  /** Word diff from the passage's exact text to what the source says now; only for 'changed'. */
  diff: DiffPart[] | null;
}

export interface AnchorOptions {
  /** Where the passage is expected to start (defaults to the stored position). */
  hint?: number;
  /**
   * Restricts the last-resort search to these [start, end) regions instead of
   * the whole text (see newTextRegions). Without it the whole text is searched.
   */
  searchRegions?: Array<[number, number]>;
}

/**
 * Thresholds. Hypothesis accepts the lowest-error match wherever it is, with
 * no minimum: a deleted 80-char passage then "anchors" onto an unrelated
 * sentence with ~40% of its characters wrong. We accept an approximate match
 * only when at most a quarter of the quote differs AND the weighted score
 * (quote counts 50, each context side 20) is high; short quotes, which match
 * by chance easily, must also have their context agree.
 */
export const MIN_QUOTE_SIMILARITY = 0.75;
export const MIN_CHANGED_SCORE = 0.7;
export const SHORT_QUOTE_CHARS = 32;
export const MIN_SHORT_QUOTE_CONTEXT = 0.6;
/** Half-width of the first approximate search, beyond the quote's own length. */
export const WINDOW_SLACK = 2000;
const MAX_EXACT_CANDIDATES = 50;

const ORPHAN: AnchorResult = { status: 'orphan', start: null, end: null, matched: null, method: 'none', quoteSimilarity: 0, score: 0, diff: null };

/**
 * Finds a passage in a text: exact position check (O(quote length)), then
 * exact occurrences ranked by context and distance from the hint, then an
 * approximate search in a window around the hint, then over the whole text.
 */
export function anchor(selectors: PassageSelectors, text: string, options: AnchorOptions = {}): AnchorResult {
  const { exact } = selectors.quote;
  if (exact.length === 0) return ORPHAN;
  const hint = clamp(options.hint ?? selectors.position.start, 0, text.length);

  const { start, end } = selectors.position;
  if (end - start === exact.length && end <= text.length && text.startsWith(exact, start)) {
    return verbatim(start, exact, 'position', 1);
  }

  const exactHit = bestExactOccurrence(selectors, text, hint);
  if (exactHit) return exactHit;

  const maxErrors = Math.floor(exact.length * (1 - MIN_QUOTE_SIMILARITY));
  if (maxErrors === 0) return ORPHAN;

  // Windows to try, cheapest first: right where the stored context now sits, then around the hint.
  const windows: Array<[number, number]> = [];
  const margin = maxErrors + CONTEXT_PROBE;
  for (const at of contextHints(selectors, text, hint)) windows.push([at - margin, at + exact.length + margin]);
  windows.push([hint - exact.length - WINDOW_SLACK, hint + 2 * exact.length + WINDOW_SLACK]);
  for (const [from, to] of windows) {
    const found = bestApproximate(selectors, text, Math.max(0, from), Math.min(text.length, to), maxErrors, hint);
    if (found) return changed(found, text, selectors, 'fuzzy-window');
  }

  // Last resort: the whole text, or only the regions that are new in this version (an edited passage must
  // lie in text that changed; see newTextRegions), widened so a match straddling a boundary is found.
  const regions = options.searchRegions
    ? mergeRegions(options.searchRegions.map(([a, b]) => [Math.max(0, a - exact.length - maxErrors), Math.min(text.length, b + exact.length + maxErrors)]))
    : [[0, text.length] as [number, number]];
  const best = regions.length === 1 ? bestApproximate(selectors, text, regions[0]![0], regions[0]![1], maxErrors, hint) : bestInRegions(selectors, text, regions, maxErrors, hint);
  return best ? changed(best, text, selectors, 'fuzzy-text') : ORPHAN;
}

const CONTEXT_PROBE = 32;

/**
 * One approximate search over all regions at once (a call per region costs more
 * than the scan): regions are joined with runs of maxErrors+1 characters that
 * never occur in text, so no match can span two regions.
 */
function bestInRegions(selectors: PassageSelectors, text: string, regions: Array<[number, number]>, maxErrors: number, hint: number): Candidate | null {
  const gap = '\uFFFF'.repeat(maxErrors + 1);
  const starts: number[] = [];
  const pieces: string[] = [];
  let joinedLength = 0;
  for (const [from, to] of regions) {
    starts.push(joinedLength);
    pieces.push(text.slice(from, to));
    joinedLength += to - from + gap.length;
  }
  const joined = pieces.join(gap);
  let best: Candidate | null = null;
  for (const match of search(joined, selectors.quote.exact, maxErrors)) {
    let r = starts.length - 1;
    while (starts[r]! > match.start) r--;
    const start = regions[r]![0] + match.start - starts[r]!;
    const end = start + (match.end - match.start);
    const candidate = candidateAt(selectors, text, start, end, match.errors, hint);
    if (candidate && (!best || candidate.rank > best.rank)) best = candidate;
  }
  return best;
}

/** Where the passage would start if its stored context (still verbatim) sits next to it: nearest the hint. */
function contextHints(selectors: PassageSelectors, text: string, hint: number): number[] {
  const { prefix, suffix, exact } = selectors.quote;
  const hints: number[] = [];
  const prefixProbe = prefix.slice(-CONTEXT_PROBE);
  if (prefixProbe.length >= 8) {
    const at = nearestOccurrence(text, prefixProbe, hint - prefixProbe.length);
    if (at !== -1) hints.push(at + prefixProbe.length);
  }
  const suffixProbe = suffix.slice(0, CONTEXT_PROBE);
  if (suffixProbe.length >= 8) {
    const at = nearestOccurrence(text, suffixProbe, hint + exact.length);
    if (at !== -1 && !hints.some((h) => Math.abs(h - (at - exact.length)) < exact.length)) hints.push(at - exact.length);
  }
  return hints;
}

function nearestOccurrence(text: string, probe: string, near: number): number {
  const after = text.indexOf(probe, Math.max(0, near));
  const before = text.lastIndexOf(probe, Math.max(0, near));
  if (after === -1) return before;
  if (before === -1) return after;
  return near - before <= after - near ? before : after;
}

function mergeRegions(regions: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...regions].sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const region of sorted) {
    const last = merged[merged.length - 1];
    if (last && region[0] <= last[1]) last[1] = Math.max(last[1], region[1]);
    else merged.push([...region]);
  }
  return merged;
}

/**
 * The parts of `newText` made of paragraphs that do not occur anywhere in
 * `oldText`. A passage edited between the two versions can only be found in
 * (or across the edge of) such a region; passages of deleted paragraphs then
 * cost a scan of what changed, not of the whole article. Paragraphs = blocks
 * split on "\n\n", as content_text defines them.
 */
export function newTextRegions(oldText: string, newText: string): Array<[number, number]> {
  const known = new Set(oldText.split('\n\n'));
  const regions: Array<[number, number]> = [];
  let offset = 0;
  for (const paragraph of newText.split('\n\n')) {
    if (!known.has(paragraph)) regions.push([offset, offset + paragraph.length]);
    offset += paragraph.length + 2;
  }
  return mergeRegions(regions);
}

interface Candidate {
  start: number;
  end: number;
  errors: number;
  quoteSimilarity: number;
  score: number;
  /** score plus a small nearness-to-hint bonus that breaks ties. */
  rank: number;
}

function verbatim(start: number, exact: string, method: AnchorMethod, score: number): AnchorResult {
  return { status: 'ok', start, end: start + exact.length, matched: exact, method, quoteSimilarity: 1, score, diff: null };
}

function changed(found: Candidate, text: string, selectors: PassageSelectors, method: AnchorMethod): AnchorResult {
  const candidate = refineBoundaries(found, text, selectors);
  const matched = text.slice(candidate.start, candidate.end);
  return {
    status: 'changed',
    start: candidate.start,
    end: candidate.end,
    matched,
    method,
    quoteSimilarity: candidate.quoteSimilarity,
    score: candidate.score,
    diff: wordDiff(selectors.quote.exact, matched),
  };
}

const BOUNDARY_PROBE = 16;

/**
 * A lowest-error match can stop short of an edited last word ("memo" → "note"
 * matches "no" with fewer errors). When the stored context reappears right
 * next to the match, snap the boundaries to it so the diff shows the real edit.
 */
function refineBoundaries(candidate: Candidate, text: string, selectors: PassageSelectors): Candidate {
  const { exact, prefix, suffix } = selectors.quote;
  const slack = candidate.errors + 1;
  let { start, end } = candidate;
  const suffixProbe = suffix.slice(0, BOUNDARY_PROBE);
  if (suffixProbe.length === BOUNDARY_PROBE) {
    const at = text.indexOf(suffixProbe, Math.max(start + 1, end - slack));
    if (at !== -1 && at <= end + slack) end = at;
  }
  const prefixProbe = prefix.slice(-BOUNDARY_PROBE);
  if (prefixProbe.length === BOUNDARY_PROBE) {
    const at = text.lastIndexOf(prefixProbe, start + slack - BOUNDARY_PROBE);
    if (at !== -1 && at + BOUNDARY_PROBE >= start - slack && at + BOUNDARY_PROBE < end) start = at + BOUNDARY_PROBE;
  }
  if (start === candidate.start && end === candidate.end) return candidate;
  const quoteSimilarity = similarity(exact, text.slice(start, end));
  if (quoteSimilarity < MIN_QUOTE_SIMILARITY) return candidate;
  return { ...candidate, start, end, quoteSimilarity, score: contextScore(selectors, text, start, end, quoteSimilarity) };
}

export function wordDiff(before: string, after: string): DiffPart[] {
  return diffWordsWithSpace(before, after).map((part) => ({
    kind: part.added ? 'added' : part.removed ? 'removed' : 'same',
    text: part.value,
  }));
}

function bestExactOccurrence(selectors: PassageSelectors, text: string, hint: number): AnchorResult | null {
  const { exact } = selectors.quote;
  const positions: number[] = [];
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) positions.push(at);
  if (positions.length === 0) return null;
  if (positions.length === 1) return verbatim(positions[0]!, exact, 'exact', contextScore(selectors, text, positions[0]!, positions[0]! + exact.length, 1));
  // Context decides between repeats; only the occurrences nearest the hint are worth the edit distances.
  const nearest = positions.sort((a, b) => Math.abs(a - hint) - Math.abs(b - hint)).slice(0, MAX_EXACT_CANDIDATES);
  let best = nearest[0]!;
  let bestScore = -1;
  for (const at of nearest) {
    const score = contextScore(selectors, text, at, at + exact.length, 1) + 0.02 * (1 - Math.abs(at - hint) / Math.max(1, text.length));
    if (score > bestScore) {
      best = at;
      bestScore = score;
    }
  }
  return verbatim(best, exact, 'exact', Math.min(1, bestScore));
}

function bestApproximate(selectors: PassageSelectors, text: string, from: number, to: number, maxErrors: number, hint: number): Candidate | null {
  let best: Candidate | null = null;
  for (const match of search(text.slice(from, to), selectors.quote.exact, maxErrors)) {
    const candidate = candidateAt(selectors, text, from + match.start, from + match.end, match.errors, hint);
    if (candidate && (!best || candidate.rank > best.rank)) best = candidate;
  }
  return best;
}

/** A scored match, or null when it falls below the thresholds. */
function candidateAt(selectors: PassageSelectors, text: string, start: number, end: number, errors: number, hint: number): Candidate | null {
  const quoteSimilarity = 1 - errors / selectors.quote.exact.length;
  if (quoteSimilarity < MIN_QUOTE_SIMILARITY) return null;
  const score = contextScore(selectors, text, start, end, quoteSimilarity);
  if (!acceptable(selectors, text, start, end, quoteSimilarity, score)) return null;
  return { start, end, errors, quoteSimilarity, score, rank: score + 0.02 * (1 - Math.abs(start - hint) / Math.max(1, text.length)) };
}

function acceptable(selectors: PassageSelectors, text: string, start: number, end: number, quoteSimilarity: number, score: number): boolean {
  if (quoteSimilarity < MIN_QUOTE_SIMILARITY || score < MIN_CHANGED_SCORE) return false;
  if (selectors.quote.exact.length >= SHORT_QUOTE_CHARS) return true;
  const { prefix, suffix } = contextSimilarities(selectors, text, start, end);
  return (prefix + suffix) / 2 >= MIN_SHORT_QUOTE_CONTEXT;
}

/** Hypothesis's weighting without its position term: (50·quote + 20·prefix + 20·suffix) / 90. */
function contextScore(selectors: PassageSelectors, text: string, start: number, end: number, quoteSimilarity: number): number {
  const { prefix, suffix } = contextSimilarities(selectors, text, start, end);
  return (50 * quoteSimilarity + 20 * prefix + 20 * suffix) / 90;
}

function contextSimilarities(selectors: PassageSelectors, text: string, start: number, end: number): { prefix: number; suffix: number } {
  const { prefix, suffix } = selectors.quote;
  return {
    prefix: similarity(prefix, text.slice(Math.max(0, start - prefix.length), start)),
    suffix: similarity(suffix, text.slice(end, end + suffix.length)),
  };
}

/** 1 − Levenshtein distance / length of the expected string; an empty expectation always agrees. */
export function similarity(expected: string, actual: string): number {
  if (expected.length === 0) return 1;
  if (expected === actual) return 1;
  return Math.max(0, 1 - levenshtein(expected, actual) / expected.length);
}

function levenshtein(a: string, b: string): number {
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
