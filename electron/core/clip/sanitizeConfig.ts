import createDOMPurify, { type Config } from 'dompurify';
import { JSDOM } from 'jsdom';
import { ASSET_SCHEME, SANITIZE_CONFIG } from '../../../shared/clip/sanitizePolicy';

/**
 * The one sanitizer for clipped article HTML, run at clip time (before the
 * HTML is stored) and again at render time (before the reader shows it).
 * A strict allowlist: text structure, links and images only. No script, no
 * styles (inline or <style>: CSS can fetch and exfiltrate), no forms, no
 * frames, no SVG/MathML (namespace-confusion mXSS), no media, no srcset,
 * no <base>/<meta>/<link>. Links keep http(s)/mailto/fragment hrefs only
 * (the reader still routes them through shared/links/linkPolicy.ts); images
 * keep only local asset URLs (`dossier-asset:`), which the clipper produces
 * by storing each image in the asset table: any other src is dropped so the
 * reader can never reach the network.
 *
 * DOMPurify is only safe on jsdom (not linkedom or happy-dom): see
 * ../shared/ENVIRONMENT.md. Tested against the XSS corpus in
 * tests/unit/security/sanitizer.test.ts.
 */
export { ASSET_SCHEME, SANITIZE_CONFIG } from '../../../shared/clip/sanitizePolicy';

// Compile-time check that the shared policy is a valid DOMPurify configuration.
const CONFIG: Config = { ...SANITIZE_CONFIG, ALLOWED_TAGS: [...SANITIZE_CONFIG.ALLOWED_TAGS], ALLOWED_ATTR: [...SANITIZE_CONFIG.ALLOWED_ATTR], FORBID_TAGS: [...SANITIZE_CONFIG.FORBID_TAGS], FORBID_ATTR: [...SANITIZE_CONFIG.FORBID_ATTR] };

export interface SanitizeOptions {
  /**
   * Maps an image's src to a local asset URL (`dossier-asset:<sha256>`), or
   * null to drop the image's src. The default keeps only URLs that are
   * already local assets.
   */
  rewriteImageSrc?: (src: string) => string | null;
}

const window = new JSDOM('').window;
const purifier = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
let currentImageRewrite: NonNullable<SanitizeOptions['rewriteImageSrc']> = keepLocalAssetsOnly;

purifier.addHook('afterSanitizeAttributes', (node) => {
  const element = node as Element;
  if (element.tagName === 'IMG') {
    const src = element.getAttribute('src');
    const local = src === null ? null : currentImageRewrite(src);
    if (local !== null && local.toLowerCase().startsWith(ASSET_SCHEME)) element.setAttribute('src', local);
    else element.removeAttribute('src');
  }
  if (element.tagName === 'A') {
    const href = element.getAttribute('href');
    if (href !== null && !/^(?:https?:|mailto:|#)/i.test(href)) element.removeAttribute('href');
    element.setAttribute('rel', 'noopener noreferrer nofollow');
  }
});

function keepLocalAssetsOnly(src: string): string | null {
  return src.toLowerCase().startsWith(ASSET_SCHEME) ? src : null;
}

/** Sanitizes an article body (an HTML fragment) with SANITIZE_CONFIG; returns an HTML string. */
export function sanitizeArticleHtml(html: string, options: SanitizeOptions = {}): string {
  currentImageRewrite = options.rewriteImageSrc ?? keepLocalAssetsOnly;
  try {
    return purifier.sanitize(html, { ...CONFIG, RETURN_TRUSTED_TYPE: false }) as string;
  } finally {
    currentImageRewrite = keepLocalAssetsOnly;
  }
}
