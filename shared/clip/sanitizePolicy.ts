/**
 * The allowlist for clipped article HTML, as plain data so the main process
 * (electron/core/clip/sanitizeConfig.ts, DOMPurify on jsdom) and a renderer
 * (DOMPurify on the browser's own DOM, for the render-time pass) apply the
 * very same policy. See sanitizeConfig.ts for what it allows and why.
 */
export const ASSET_SCHEME = 'dossier-asset:';

export const SANITIZE_CONFIG = {
  ALLOWED_TAGS: [
    'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'q', 'cite', 'pre', 'code', 'kbd', 'samp', 'var',
    'em', 'strong', 'b', 'i', 'u', 's', 'del', 'ins', 'sub', 'sup', 'small', 'mark', 'abbr', 'dfn', 'time', 'span', 'div',
    'article', 'section', 'header', 'footer', 'aside', 'main', 'nav', 'address',
    'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'figure', 'figcaption', 'a', 'img',
    'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'colgroup', 'col',
  ],
  ALLOWED_ATTR: ['href', 'src', 'alt', 'title', 'width', 'height', 'colspan', 'rowspan', 'scope', 'datetime', 'lang', 'dir', 'start', 'reversed', 'type'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  ALLOW_SELF_CLOSE_IN_ATTR: false,
  SAFE_FOR_TEMPLATES: false,
  WHOLE_DOCUMENT: false,
  KEEP_CONTENT: true,
  // Anything not in ALLOWED_* is already gone; these are listed so a future widening of the allowlist
  // cannot silently let them back in.
  FORBID_TAGS: ['script', 'style', 'link', 'meta', 'base', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'frame', 'frameset',
    'object', 'embed', 'applet', 'svg', 'math', 'video', 'audio', 'source', 'track', 'picture', 'template', 'noscript', 'portal', 'title'],
  FORBID_ATTR: ['style', 'srcset', 'ping', 'background', 'poster', 'action', 'formaction', 'xlink:href', 'srcdoc', 'id', 'name', 'class', 'target'],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|dossier-asset:|#)/i,
} as const;

