import { DossierError } from '../../../shared/errors';
import { MAX_HTML_ELEMENTS, MAX_HTML_NESTING } from '../../../shared/limits';

/**
 * Limits checked on the page's markup before it is parsed, by scanning tags (no DOM):
 * a page with a million elements or nested a hundred thousand deep is refused in
 * milliseconds instead of stalling the parser.
 */

const VOID_OR_AUTOCLOSED =
  /^(area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr|p|li|td|th|tr|option|dt|dd|!doctype)$/i;

/** Nesting depth from a tag scan (no parse): void and auto-closed elements are not counted, so it errs low. */
export function approximateNesting(html: string): number {
  let depth = 0;
  let deepest = 0;
  const re = /<(\/?)([a-zA-Z][\w:-]*|!doctype)[^>]*?(\/?)>/g;
  let match: RegExpExecArray | null;
  while ((match = re.exec(html)) !== null) {
    if (VOID_OR_AUTOCLOSED.test(match[2]!) || match[3] === '/') continue;
    if (match[1] === '/') depth = Math.max(0, depth - 1);
    else if (++depth > deepest) deepest = depth;
  }
  return deepest;
}

/** Counts start tags cheaply, stopping once past the cap. */
function countStartTags(html: string): number {
  let count = 0;
  const re = /<[a-zA-Z]/g;
  while (re.exec(html) !== null) if (++count > MAX_HTML_ELEMENTS) break;
  return count;
}

/** Throws `too_large` for a page over the element or nesting cap; returns its approximate nesting depth. */
export function checkPageLimits(source: string): number {
  if (countStartTags(source) > MAX_HTML_ELEMENTS) {
    throw new DossierError(
      'too_large',
      `The page has more than ${MAX_HTML_ELEMENTS.toLocaleString('en')} elements; ` +
        'Dossier does not clip pages that large.',
    );
  }
  const nesting = approximateNesting(source);
  if (nesting > MAX_HTML_NESTING) {
    throw new DossierError(
      'too_large',
      `The page nests its markup more than ${MAX_HTML_NESTING.toLocaleString('en')} levels deep; ` +
        'no real article does, and Dossier does not clip it.',
    );
  }
  return nesting;
}
