import { parseHTML } from 'linkedom';
import { domToNormalizedText } from '../../../shared/clip/normalizedText';
import { ARTICLE_HTML_POLICY } from '../../../shared/html/articleHtmlPolicy';
import { stripArticleBoilerplate, type BoilerplateContext } from './boilerplate';
import { resolveImageKeys } from './images';
import { flattenMath } from './math';
import { isResidue } from './residue';

/** The extracted article body made ready for the sanitizer (linkedom, fast): images keyed, residue out. */

const ALLOWED_ATTRIBUTES: ReadonlySet<string> = new Set(ARTICLE_HTML_POLICY.allowedAttributes);

export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The page's whole visible text as flat paragraphs (the best effort when no article can be extracted). */
export function wholePageAsParagraphs(source: string): string {
  const { document } = parseHTML(source);
  for (const el of Array.from(
    document.querySelectorAll('script, style, noscript, template, nav, header, footer, form, svg, button, select'),
  ))
    el.remove();
  const text = domToNormalizedText(
    (document.body ?? document.documentElement) as unknown as Parameters<typeof domToNormalizedText>[0],
  );
  return text
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => `<p>${escapeText(block)}</p>`)
    .join('\n');
}

/** A list of three or more bare links of a few words each: a section menu, not article text. */
function isLinkMenu(list: Element): boolean {
  const items = Array.from(list.children).filter((c) => c.tagName === 'LI');
  if (items.length < 3) return false;
  return items.every((li) => {
    const links = li.querySelectorAll('a');
    const text = (li.textContent ?? '').replace(/\s+/g, ' ').trim();
    return (
      links.length === 1 &&
      text === (links[0]!.textContent ?? '').replace(/\s+/g, ' ').trim() &&
      text.split(' ').length <= 3
    );
  });
}

/**
 * Resolves each image to a key the caller can fetch or read, drops residue
 * blocks, and returns the article HTML ready for the sanitizer.
 */
export function prepareArticleBody(
  articleHtml: string,
  baseUrl: string | null,
  fromFile: boolean,
  boilerplate: BoilerplateContext | null = null,
): { html: string; imageKeys: string[]; residue: string[] } {
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${articleHtml}</body></html>`);
  const residue: string[] = boilerplate
    ? stripArticleBoilerplate(document.body as unknown as Element, boilerplate)
    : [];
  const imageKeys = resolveImageKeys(document as unknown as ParentNode, baseUrl, fromFile);
  // Outermost first: a block whose whole text is residue goes with everything inside it.
  for (const el of Array.from(
    document.querySelectorAll(
      'p, li, h1, h2, h3, h4, h5, h6, div, section, label, figcaption, button, ul, ol, span, time',
    ),
  )) {
    if (!el.isConnected) continue;
    // Inline spans inside running text are never residue on their own: a paragraph is judged whole.
    if (
      (el.tagName === 'SPAN' || el.tagName === 'TIME') &&
      el.parentElement?.closest('p, li, h1, h2, h3, h4, h5, h6, blockquote')
    )
      continue;
    if ((el.tagName === 'UL' || el.tagName === 'OL') && isLinkMenu(el as unknown as Element)) {
      residue.push((el.textContent ?? '').replace(/\s+/g, ' ').trim());
      el.remove();
      continue;
    }
    const text = el.textContent ?? '';
    if (text.length <= 400 && isResidue(text)) {
      residue.push(text.replace(/\s+/g, ' ').trim());
      el.remove();
    }
  }
  flattenMath(document as unknown as Document);
  // Pre-trim what the sanitizer would remove anyway, so jsdom (slow) parses and walks less.
  // This is for speed only: DOMPurify on jsdom stays the one authority on what is safe.
  for (const el of Array.from(document.querySelectorAll(ARTICLE_HTML_POLICY.forbiddenWithContent.join(','))))
    el.remove();
  for (const el of Array.from(document.body.querySelectorAll('*'))) {
    for (const name of el.getAttributeNames()) if (!ALLOWED_ATTRIBUTES.has(name)) el.removeAttribute(name);
  }
  return { html: document.body.innerHTML, imageKeys, residue };
}
