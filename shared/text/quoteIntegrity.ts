/**
 * THE rule for "is this quote altered?", used by the editor's quote marks,
 * `dossier quotes` (passages.quotesOfNote and note_quotes.altered), the
 * Markdown export's bold warning, and `dossier quote`'s search for the words.
 *
 * The principle: a quote is verbatim when a reader sees the same words, in the
 * same order, with the same letters and punctuation as the source. So only
 * differences a reader cannot see, or that are pure typesetting, are ignored:
 *
 * 1. Canonically equivalent encodings (NFC vs NFD: "é" as one code point or as
 *    "e" + combining accent) render identically: both sides are compared in NFC.
 *    Compatibility forms (NFKC: "ﬁ" vs "fi", full-width letters, superscripts)
 *    are NOT folded: they are visibly different glyphs.
 * 2. Curly vs straight quotation marks and apostrophes, and guillemets vs
 *    double quotes (SINGLE_QUOTES, DOUBLE_QUOTES): house style, not words.
 * 3. Whitespace: any run of Unicode white space (space, tab, line break, NBSP,
 *    thin and other fixed-width spaces, ideographic space) counts as one space;
 *    leading and trailing white space is ignored. Where a line breaks or how
 *    wide a space is set is layout.
 * 4. Invisible characters with no effect on the text shown (INVISIBLE): zero-width
 *    space U+200B, word joiner U+2060, zero-width no-break space / BOM U+FEFF and
 *    soft hyphen U+00AD are removed before comparing. They only say where a line
 *    may or may not break. A zero-width space inside a word ("wa\u200Bter") reads
 *    "water": verbatim. A zero-width space in place of a space ("a\u200Bb") reads
 *    "ab", not "a b": altered.
 *
 * Everything else is an alteration a journalist must see: a letter, case, a
 * word, punctuation, a dash for a hyphen, an ellipsis. In particular these
 * zero-width/format characters DO count, because they change what is displayed:
 * ZWJ/ZWNJ (U+200C/U+200D: they join or split letters in Arabic, Persian and
 * Indic scripts and build emoji sequences) and the bidirectional controls
 * (U+200E/F, U+202A–E, U+2066–9: they reorder the visible text).
 */
const SINGLE_QUOTES = "'\u2018\u2019\u201A\u201B\u2032\u02BC\u2039\u203A";
const DOUBLE_QUOTES = '"\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB';
const INVISIBLE = '\u200B\u2060\uFEFF\u00AD';

const SINGLE_QUOTE_RE = new RegExp(`[${SINGLE_QUOTES}]`, 'g');
const DOUBLE_QUOTE_RE = new RegExp(`[${DOUBLE_QUOTES}]`, 'g');
const INVISIBLE_RE = new RegExp(`[${INVISIBLE}]`, 'g');
// JavaScript's \s is Unicode White_Space (NBSP, U+2000–U+200A, U+202F, U+205F, U+3000, line/paragraph
// separators) plus U+FEFF, which INVISIBLE removes first. It does not include U+200B.
const WHITESPACE_RE = /\s+/g;

/** The form two texts are compared in: equal keys mean the quote is verbatim. */
export function quoteKey(text: string): string {
  return text
    .replace(INVISIBLE_RE, '')
    .normalize('NFC')
    .replace(SINGLE_QUOTE_RE, "'")
    .replace(DOUBLE_QUOTE_RE, '"')
    .replace(WHITESPACE_RE, ' ')
    .trim();
}

/** True when `quoted` differs from `source` by more than the typography above. */
export function isAltered(quoted: string, source: string): boolean {
  return quoteKey(quoted) !== quoteKey(source);
}

/**
 * Where `quoted` occurs in `haystack` (a version's NFC content text) by the same
 * rule: the first span whose quoteKey equals quoteKey(quoted), or null. Used to
 * find the words a user asked to quote when the page's typography differs.
 */
export function findVerbatim(haystack: string, quoted: string): { start: number; end: number } | null {
  const key = quoteKey(quoted);
  if (key === '') return null;
  // A linear scan over the haystack folded by the same rule, each folded UTF-16 unit remembering the
  // source span it came from (a regular expression built per character overflowed the stack on long
  // selections, and backtracked on long whitespace runs).
  const parts: string[] = [];
  let lastWasSpace = false;
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  for (const ch of haystack) {
    const at = offset;
    offset += ch.length;
    if (INVISIBLE.includes(ch)) continue;
    let out = ch;
    if (/\s/.test(ch)) {
      if (lastWasSpace) {
        ends[ends.length - 1] = offset;
        continue;
      }
      out = ' ';
    } else if (SINGLE_QUOTES.includes(ch)) out = "'";
    else if (DOUBLE_QUOTES.includes(ch)) out = '"';
    parts.push(out);
    lastWasSpace = out === ' ';
    for (let unit = 0; unit < out.length; unit += 1) {
      starts.push(at);
      ends.push(offset);
    }
  }
  const index = parts.join('').indexOf(key);
  return index < 0 ? null : { start: starts[index]!, end: ends[index + key.length - 1]! };
}
