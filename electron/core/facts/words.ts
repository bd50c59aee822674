import { ABBREVIATIONS } from './segment';
// Word tokens with offsets, and the small tests the rules make on them.

export interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
  /** Set by the attribution rules on a speech participle after a form of "be" ("is claiming"). */
  progressive?: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:[’'.\-&][\p{L}\p{N}]+)*\.?/gu;

export function wordsIn(text: string, start: number, end: number): Word[] {
  const out: Word[] = [];
  WORD.lastIndex = start;
  for (let m = WORD.exec(text); m && m.index < end; m = WORD.exec(text)) {
    let w = m[0];
    // Keep the dot of an initial or abbreviation ("U.S.", "J."), not a sentence's full stop.
    if (w.endsWith('.') && !/^(\p{L}\.)+$/u.test(w) && !ABBREVIATIONS.has(w.slice(0, -1).toLowerCase()) && !/\.\p{L}/u.test(w)) w = w.slice(0, -1);
    const wEnd = Math.min(m.index + w.length, end);
    out.push({ text: text.slice(m.index, wEnd), lower: text.slice(m.index, wEnd).toLowerCase(), start: m.index, end: wEnd });
  }
  return out;
}

/** Starts with an uppercase letter. ASCII is decided by its code (the rules ask this of every word, often). */
export function isCapitalized(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^[\p{Lu}]/u.test(w);
}

/** The characters between two words carry punctuation that breaks a phrase. */
export function gapBreaks(text: string, from: number, to: number): boolean {
  // Most gaps are one space: nothing to break on.
  if (to - from === 1 && text.charCodeAt(from) === 32) return false;
  return /[,;:()[\]"“”—–]|\s-\s/.test(text.slice(from, to));
}

export function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /[\s,;:—–\-"“”'‘’]/.test(text[start]!)) start++;
  while (end > start && /[\s,;:—–\-.!?"“”]/.test(text[end - 1]!)) end--;
  return { start, end };
}
