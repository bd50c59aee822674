import { normalizedText, type TextTreeNode } from '../text/normalizedText';

/**
 * The clipper's entry to THE normalized-text rule, defined once in
 * shared/text/normalizedText.ts (the reader maps selections with the same walk),
 * so stored content_text and reader offsets always agree.
 */
export function domToNormalizedText(root: TextTreeNode): string {
  return normalizedText(root).text;
}

/** Token count used for word counts: runs of Unicode letters, digits and marks. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}\p{M}]+/gu)?.length ?? 0;
}
