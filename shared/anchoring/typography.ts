/**
 * The only differences a quote may have from its source and still count as
 * verbatim: curly vs straight quotation marks and apostrophes, and whitespace
 * (spaces, tabs, line breaks, non-breaking spaces). Everything else — a word, a
 * letter, a dash, punctuation — is an alteration a journalist must see.
 */
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u02BC]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;
const WHITESPACE = /[\s\u00A0\u2000-\u200B\u202F\u205F\u3000]+/g;

export function typographyKey(text: string): string {
  return text.normalize('NFC').replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(WHITESPACE, ' ').trim();
}

/** True when `quoted` differs from `source` by more than typography. */
export function isAltered(quoted: string, source: string): boolean {
  return typographyKey(quoted) !== typographyKey(source);
}
