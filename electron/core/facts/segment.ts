// Paragraphs, quote spans and quote-aware sentences with offsets into the clean text.
import { CUE_VERBS } from './lexicon';

export interface Span {
  start: number;
  end: number;
}

export interface QuoteSpan extends Span {
  /** Offsets of the words inside the marks. */
  innerStart: number;
  innerEnd: number;
  /** True when the paragraph ended before a closing mark (the quote continues in the next paragraph). */
  open: boolean;
}

export interface Sentence extends Span {
  paragraph: number;
  quotes: QuoteSpan[];
}

export interface Paragraph extends Span {
  quotes: QuoteSpan[];
}

const OPEN = new Set(['“', '«']);
const CLOSE = new Set(['”', '»']);

/** Double-quotation spans of one paragraph: curly marks pair up, straight marks alternate. */
export function quoteSpans(text: string, start: number, end: number): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let openAt = -1;
  let openWidth = 1;
  for (let i = start; i < end; i++) {
    const c = text[i]!;
    // Two apostrophes stand for a straight double mark in some newspapers' archives ('' … '').
    const width = c === "'" && text[i + 1] === "'" ? 2 : 1;
    const straight = c === '"' || width === 2;
    // A paragraph opening on a closing mark before a letter (”Fear. I am…”) is a typo for the opening one.
    const opens = OPEN.has(c) || (straight && openAt < 0) || (c === '”' && openAt < 0 && i === start && /\p{L}/u.test(text[i + 1] ?? ''));
    const closes = CLOSE.has(c) || (straight && openAt >= 0);
    if (closes && openAt >= 0) {
      spans.push({ start: openAt, end: i + width, innerStart: openAt + openWidth, innerEnd: i, open: false });
      openAt = -1;
    } else if (opens) {
      openAt = i;
      openWidth = width;
    }
    i += width - 1;
  }
  if (openAt >= 0) {
    let innerEnd = end;
    while (innerEnd > openAt + openWidth && /\s/.test(text[innerEnd - 1]!)) innerEnd--;
    spans.push({ start: openAt, end, innerStart: openAt + openWidth, innerEnd, open: true });
  }
  return spans;
}

export function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let start = m.index;
    let end = m.index + m[0].length;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) out.push({ start, end, quotes: quoteSpans(text, start, end) });
  }
  return out;
}

// Words after which a period does not end a sentence.
export const ABBREVIATIONS = new Set(
  'mr mrs ms dr sen rep gov gen lt col capt sgt adm st jr sr prof rev hon pres jan feb mar apr jun jul aug sep sept oct nov dec no vs inc corp co ltd dept maj cmdr u.s u.n d.c a.m p.m e.g i.e etc'.split(' '),
);

function endsWithAbbreviation(text: string, dot: number): boolean {
  let i = dot;
  while (i > 0 && /[\p{L}.]/u.test(text[i - 1]!)) i--;
  const word = text.slice(i, dot).toLowerCase();
  if (ABBREVIATIONS.has(word)) return true;
  // Initials ("J." in "Michael J. Fox", "U.S.").
  return /^\p{L}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word);
}


function cueClauseFollows(text: string, from: number, end: number): boolean {
  const clause = /^[^.,;:!?"“”]{0,80}/.exec(text.slice(from, Math.min(end, from + 80)))![0];
  return clause.split(/\s+/).slice(0, 6).some((w) => CUE_VERBS.has(w));
}

/** Sentences of one paragraph; a period inside an open quotation does not end the sentence. */
export function sentences(text: string, paragraph: Paragraph, index: number): Sentence[] {
  const out: Sentence[] = [];
  let start = paragraph.start;
  // Inside a quotation a full stop ends no sentence, unless the quotation closes right there (“… for him.” She says).
  const inQuote = (i: number) => paragraph.quotes.some((q) => i > q.start && i < q.end - (q.open ? 0 : 1) && !(!q.open && q.end - i <= 3 && /^[.!?]?["”'’]+$/.test(text.slice(i + 1, q.end))));
  for (let i = paragraph.start; i < paragraph.end; i++) {
    const c = text[i]!;
    if (c !== '.' && c !== '!' && c !== '?') continue;
    if (inQuote(i)) continue;
    let j = i + 1;
    while (j < paragraph.end && /["”’')\]]/.test(text[j]!)) j++;
    if (j < paragraph.end && !/\s/.test(text[j]!)) continue;
    let k = j;
    while (k < paragraph.end && /\s/.test(text[k]!)) k++;
    if (k < paragraph.end && !/[\p{Lu}\p{N}"“‘(]/u.test(text[k]!)) continue;
    // “How many times…?” Clinton said. — a question or exclamation closing a quote keeps its mark where a statement
    // takes a comma, so when the next clause (up to six words, no punctuation) holds a speech verb it is the same sentence.
    if (c !== '.' && j > i + 1 && cueClauseFollows(text, k, paragraph.end)) continue;
    if (c === '.' && endsWithAbbreviation(text, i) && k < paragraph.end && !/["“]/.test(text[k]!)) {
      // "U.S. officials" continues; "… in the U.S. The next" is ambiguous: treat a following capitalised function word as a new sentence.
      const next = /^\p{L}+/u.exec(text.slice(k, k + 20))?.[0] ?? '';
      if (!/^(The|A|An|He|She|They|It|We|I|But|And|In|On|This|That|There)$/.test(next)) continue;
    }
    out.push(makeSentence(paragraph, index, start, j));
    start = k;
    i = k - 1;
  }
  if (start < paragraph.end) out.push(makeSentence(paragraph, index, start, paragraph.end));
  return out;
}

function makeSentence(paragraph: Paragraph, index: number, start: number, end: number): Sentence {
  return { start, end, paragraph: index, quotes: paragraph.quotes.filter((q) => q.start >= start && q.start < end) };
}
