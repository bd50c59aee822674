import { JSDOM } from 'jsdom';
import { domToNormalizedText } from '../../../shared/clip/normalizedText';

/**
 * The normalized text of stored (sanitized) article HTML, parsed the way a
 * browser parses it (jsdom). The reader computes the same text from its own
 * DOM with shared/clip/normalizedText.ts; see the rule documented there.
 */
export function htmlToNormalizedText(html: string): string {
  return domToNormalizedText(JSDOM.fragment(html.normalize('NFC')));
}
