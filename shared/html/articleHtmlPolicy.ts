import type { Config } from 'dompurify';
import { SHA256_HEX } from '../assetName';

/**
 * THE policy for article HTML: what a clipped article body may contain. Plain
 * data, so both DOMPurify passes are built from it and cannot drift apart:
 * - at clip time (electron/core/clip/sanitizeConfig.ts, DOMPurify on jsdom),
 *   before anything is stored or previewed;
 * - at render time (renderer/src/features/reader/sanitize.ts, DOMPurify in the
 *   page), as defence in depth against stored HTML that did not come through
 *   the clipper (an old version, an imported archive, a bug).
 * Both are allowlists with the same tags, attributes and URL schemes; each
 * side adds only hooks for what depends on where it runs (the clipper maps
 * images to stored assets and resolves relative links; the reader points
 * stored images at its origin and marks links noopener).
 *
 * Allowed: text structure (paragraphs, headings, lists, quotes, tables,
 * figures, inline emphasis), links to http(s)/mailto, and images whose source
 * is the local asset store (`dossier-asset:<sha256>`). Everything else goes:
 * script, style, iframe, object, embed, form and its controls, svg and math,
 * media elements, event handlers, MathML markup (its text is kept),
 * style/class/id/data-/aria- attributes, srcset, javascript:/data:/file: and
 * relative URLs, <base>, <meta>, <link>.
 */
export const ARTICLE_HTML_POLICY = {
  allowedTags: [
    'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd', 'del', 'dfn', 'div', 'dl', 'dt', 'em',
    'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol',
    'p', 'pre', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'section', 'small', 'span', 'strong', 'sub', 'sup', 'table',
    'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'u', 'ul', 'var', 'article', 'aside', 'header', 'footer',
  ],
  allowedAttributes: ['href', 'src', 'alt', 'title', 'datetime', 'colspan', 'rowspan', 'scope', 'lang', 'dir', 'start', 'reversed', 'abbr'],
  /** Removed together with their content (other tags outside the allowlist are unwrapped, keeping their text). */
  forbiddenWithContent: [
    'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button', 'select',
    'textarea', 'option', 'svg', 'template', 'noscript', 'video', 'audio', 'source', 'track', 'canvas', 'picture',
    'link', 'meta', 'base', 'title', 'head', 'dialog', 'portal', 'fencedframe', 'slot',
  ],
  /** Schemes an <a href> may use (after the clipper resolved relative links). */
  linkSchemes: ['http:', 'https:', 'mailto:'],
  /** The only image source: a stored asset, by the SHA-256 hex of its bytes. */
  assetScheme: 'dossier-asset:',
} as const;

export type ArticleHtmlPolicy = typeof ARTICLE_HTML_POLICY;
export const ASSET_SCHEME = ARTICLE_HTML_POLICY.assetScheme;

/** `dossier-asset:<64 hex>`, the whole attribute value. */
export const ASSET_URL = new RegExp(`^${ASSET_SCHEME}${SHA256_HEX.source.slice(1, -1)}$`);
/** An href this policy keeps. */
export const LINK_URL = new RegExp(`^(?:${ARTICLE_HTML_POLICY.linkSchemes.join('|')})`, 'i');

/** The DOMPurify configuration of the policy; each pass adds only its RETURN_* option. */
export function articlePurifyConfig(policy: ArticleHtmlPolicy = ARTICLE_HTML_POLICY): Config {
  return {
    ALLOWED_TAGS: [...policy.allowedTags],
    ALLOWED_ATTR: [...policy.allowedAttributes],
    FORBID_TAGS: [...policy.forbiddenWithContent],
    FORBID_CONTENTS: [...policy.forbiddenWithContent],
    ALLOWED_URI_REGEXP: new RegExp(`^(?:${policy.linkSchemes.join('|')}|${policy.assetScheme}${SHA256_HEX.source.slice(1, -1)}$)`, 'i'),
    ADD_URI_SAFE_ATTR: [],
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOW_UNKNOWN_PROTOCOLS: false,
    ALLOW_SELF_CLOSE_IN_ATTR: false,
    SAFE_FOR_TEMPLATES: false,
    WHOLE_DOCUMENT: false,
    KEEP_CONTENT: true,
    USE_PROFILES: false,
  };
}
