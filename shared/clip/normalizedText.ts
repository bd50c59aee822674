import { normalizedText, type TextTreeNode } from '../text/normalizedText';

/**
 * The clipper's entry to THE normalized-text rule, defined once in
 * shared/text/normalizedText.ts (the reader maps selections with the same walk),
 * so stored content_text and reader offsets always agree.
 */
export function domToNormalizedText(root: TextTreeNode): string {
  return normalizedText(root).text;
}

/**
 * THE word count of an article version (article_versions.word_count), for clipped
 * pages and imported text alike: runs of Unicode letters, digits and combining
 * marks (so "café" in NFD and a Devanagari word with vowel signs are one word each).
 */
export function countWords(text: string): number {
  // eslint-disable-next-line no-control-regex
  if (!/^[\x00-\x7f]*$/.test(text)) return text.match(/[\p{L}\p{N}\p{M}]+/gu)?.length ?? 0;
  // ASCII: runs of A–Z, a–z, 0–9 (the same tokens), counted without building the list (an import counts millions).
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const alnum = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
    if (alnum && !inWord) count++;
    inWord = alnum;
  }
  return count;
}
