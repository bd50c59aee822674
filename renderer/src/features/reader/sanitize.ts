import createDOMPurify from 'dompurify';

/**
 * Clipped HTML was sanitized when it was clipped; it is sanitized again here,
 * in the page, because it is hostile input and the reader is where it meets a
 * live DOM. No script, no styles, no forms or embeds, no event handlers, and
 * nothing that loads from the network: images only from the local asset store
 * (dossier-asset:) or inline data. Links are kept as text targets but never
 * navigate the app (the reader intercepts clicks).
 */
const purifier = createDOMPurify(window);

const LOCAL_IMAGE = /^(dossier-asset:|data:image\/(png|jpe?g|gif|webp|avif);)/i;

purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node.nodeName === 'IMG') {
    const src = node.getAttribute('src') ?? '';
    if (!LOCAL_IMAGE.test(src)) {
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
  });
}
