import createDOMPurify from 'dompurify';
import { articlePurifyConfig, ASSET_URL } from '../../../../shared/html/articleHtmlPolicy';
import { transport } from '../../api/client';

/**
 * Clipped HTML was sanitized when it was clipped; it is sanitized again here,
 * in the page, because it is hostile input and the reader is where it meets a
 * live DOM. Same allowlist as the clipper (shared/html/articleHtmlPolicy.ts):
 * no script, no styles, no forms or embeds, no event handlers, and nothing that
 * loads from the network: images only from the local asset store. Links are
 * kept as text targets but never navigate the app (the reader intercepts clicks).
 */
const purifier = createDOMPurify(window);
const CONFIG = articlePurifyConfig();

/**
 * Stored HTML references images as `dossier-asset:<sha256>`. Electron serves
 * that scheme from the local store; the browser harness serves the same bytes
 * at /asset/<sha256> on its own origin. Anything else is never loaded.
 */
function localImageUrl(src: string): string | undefined {
  if (!ASSET_URL.test(src)) return undefined;
  return transport === 'web' ? `/asset/${src.slice(src.indexOf(':') + 1)}` : src;
}

// These run after the policy's allowlist: what they set is the reader's own markup, not the page's.
purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node.nodeName === 'IMG') {
    const src = node.getAttribute('src') ?? '';
    const local = localImageUrl(src);
    if (local) node.setAttribute('src', local);
    else {
      node.removeAttribute('src');
      node.setAttribute('data-blocked-src', src.slice(0, 500));
      node.setAttribute('alt', node.getAttribute('alt') || 'image not stored offline');
    }
    node.setAttribute('loading', 'lazy');
  }
  if (node.nodeName === 'A') node.setAttribute('rel', 'noopener noreferrer');
});

export function sanitizeArticleHtml(html: string): DocumentFragment {
  return purifier.sanitize(html, { ...CONFIG, RETURN_DOM_FRAGMENT: true });
}
