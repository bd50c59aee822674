/**
 * W3C Web Annotation selectors over an article version's normalized text
 * (article_versions.content_text). Offsets are UTF-16 code units, end exclusive,
 * because that is what JavaScript strings, DOM Ranges and SQLite's substr on our
 * stored text agree on. (The W3C model counts code points; we state the unit and
 * never mix the two.)
 */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface PassageSelectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/** Context kept on each side of the quote: at least 32 chars (Hypothesis's size), 64 to survive nearby edits. */
export const CONTEXT_CHARS = 64;

/** Selectors for text[start, end). Throws RangeError on offsets outside the text or splitting a surrogate pair. */
export function describe(text: string, start: number, end: number): PassageSelectors {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`Selection ${start}–${end} is not inside the text (length ${text.length})`);
  }
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) {
    throw new RangeError(`Selection ${start}–${end} splits a character in two`);
  }
  const prefixStart = backOffSurrogate(text, Math.max(0, start - CONTEXT_CHARS));
  const suffixEnd = forwardSurrogate(text, Math.min(text.length, end + CONTEXT_CHARS));
  return {
    quote: { type: 'TextQuoteSelector', exact: text.slice(start, end), prefix: text.slice(prefixStart, start), suffix: text.slice(end, suffixEnd) },
    position: { type: 'TextPositionSelector', start, end },
  };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

export function splitsSurrogatePair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
}

function backOffSurrogate(text: string, offset: number): number {
  return splitsSurrogatePair(text, offset) ? offset + 1 : offset;
}

function forwardSurrogate(text: string, offset: number): number {
  return splitsSurrogatePair(text, offset) ? offset - 1 : offset;
}
