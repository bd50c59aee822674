/**
 * While typing, the last word is usually unfinished: "dredg" should already
 * find "dredging". The search box sends the query with that last plain word
 * as a prefix once it has PREFIX_MIN_CHARS characters (a one- or
 * two-letter prefix expands to thousands of words: slow, and useless as a
 * result list); a trailing space, quotes, filters, operators and words
 * already ending in * are left alone.
 */
export const PREFIX_MIN_CHARS = 3;

export function asYouTypeQuery(typed: string): string {
  if (typed === '' || /\s$/u.test(typed)) return typed;
  const lastWord = /(?:^|\s)([\p{L}\p{N}][\p{L}\p{N}\p{M}'’.-]*)$/u.exec(typed);
  if (!lastWord || (typed.split('"').length - 1) % 2 === 1) return typed; // inside an open phrase
  if (['OR', 'AND', 'NOT'].includes(lastWord[1]!) || [...lastWord[1]!].length < PREFIX_MIN_CHARS) return typed;
  return `${typed}*`;
}
