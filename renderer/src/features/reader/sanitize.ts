import createDOMPurify from 'dompurify';
import { transport } from '../../api/client';

/**
 * Clipped HTML was sanitized when it was clipped; it is sanitized again here,
 * in the page, because it is hostile input and the reader is where it meets a
 * live DOM. No script, no styles, no forms or embeds, no event handlers, and
 * nothing that loads from the network: images only from the local asset store
 * (dossier-asset:) or inline data. Links are kept as text targets but never
 * navigate the app (the reader intercepts clicks).
 */
const purifier = createDOMPurify(window);

const LOCAL_ASSET = /^dossier-asset:([0-9a-f]{64})$/;
/** Links may point at the web or mail; images only at the local store (see the hook). */
const ALLOWED_URI = /^(?:https?:|mailto:|dossier-asset:[0-9a-f]{64}$|#)/i;

/**
 * Stored HTML references images as `dossier-asset:<sha256>`. Electron serves
 * that scheme from the local store; the browser harness serves the same bytes
 * at /asset/<sha256> on its own origin. Anything else is never loaded.
 */
function localImageUrl(src: string): string | undefined {
  const match = LOCAL_ASSET.exec(src);
  if (!match) return undefined;
  return transport === 'web' ? `/asset/${match[1]}` : src;
}

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
    node.removeAttribute('srcset');
    node.setAttribute('loading', 'lazy');
  }
  if (node.nodeName === 'A') {
    node.setAttribute('rel', 'noopener noreferrer');
    node.removeAttribute('target');
    node.removeAttribute('ping');
  }
});

export function sanitizeArticleHtml(html: string): DocumentFragment {
  return purifier.sanitize(html, {
    RETURN_DOM_FRAGMENT: true,
    FORBID_TAGS: ['style', 'link', 'meta', 'base', 'form', 'input', 'button', 'select', 'textarea', 'iframe', 'frame', 'object', 'embed', 'svg', 'math', 'video', 'audio', 'source', 'track', 'picture', 'template', 'noscript'],
    FORBID_ATTR: ['style', 'srcset', 'background', 'poster', 'formaction', 'action', 'ping'],
    ADD_ATTR: ['data-blocked-src'],
    ALLOW_DATA_ATTR: false,
    ALLOW_UNKNOWN_PROTOCOLS: false,
    ALLOWED_URI_REGEXP: ALLOWED_URI,
  });
}
