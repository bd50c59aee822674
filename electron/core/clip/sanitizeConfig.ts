import createDOMPurify, { type DOMPurify } from 'dompurify';
import { JSDOM } from 'jsdom';
import { isSha256Hex } from '../../../shared/assetName';
import { articlePurifyConfig, ASSET_SCHEME, ASSET_URL, LINK_URL } from '../../../shared/html/articleHtmlPolicy';

/**
 * The clip-time sanitizer every clipped article body goes through before it is
 * stored or previewed, built from THE article HTML policy
 * (shared/html/articleHtmlPolicy.ts; the reader's render-time pass uses the
 * same one). Clipped HTML is hostile. DOMPurify runs on jsdom (it is unsafe
 * on linkedom and happy-dom, see shared/ENVIRONMENT.md).
 */
const ARTICLE_PURIFY_CONFIG = articlePurifyConfig();

export interface SanitizeOptions {
  /** Resolves relative links (the page's original URL or <base>); without it, relative links lose their href. */
  baseUrl?: string | null;
  /** Image source as written in the input → sha256 of the stored asset. Images not in the map are dropped. */
  images?: ReadonlyMap<string, string>;
}

export interface SanitizeReport {
  html: string;
  /** The sanitized body as a DOM (a jsdom <div> holding it), for deriving its normalized text without parsing it again. */
  root: HTMLElement;
  /** Images removed because they were not in the local store (never hot-linked). */
  droppedImages: string[];
}

// DOMPurify allows data: URIs on <img> by default and has no option to turn that
// off; the uponSanitizeAttribute hook below enforces it instead: an <img> keeps
// a src only when it is a stored asset, and an href only when it is http(s)/mailto.
let purifier: DOMPurify | undefined;
let purifierDocument: Document | undefined;
let activeOptions: SanitizeOptions = {};
let activeDropped: string[] = [];

function resolveUrl(raw: string, base: string | null | undefined): string | null {
  const value = raw.trim();
  if (value === '') return null;
  try {
    return base ? new URL(value, base).href : new URL(value).href;
  } catch {
    return null;
  }
}

function getPurifier(): DOMPurify {
  if (purifier) return purifier;
  const { window } = new JSDOM('<!DOCTYPE html><html><head></head><body></body></html>');
  purifierDocument = window.document;
  const instance = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
  instance.addHook('uponSanitizeAttribute', (node, data) => {
    const tag = node.nodeName.toLowerCase();
    if (data.attrName === 'href') {
      const resolved = tag === 'a' ? resolveUrl(data.attrValue, activeOptions.baseUrl) : null;
      if (resolved && LINK_URL.test(resolved)) data.attrValue = resolved;
      else data.keepAttr = false;
    } else if (data.attrName === 'src') {
      const raw = data.attrValue;
      const sha = activeOptions.images?.get(raw);
      if (tag === 'img' && sha && isSha256Hex(sha)) data.attrValue = `${ASSET_SCHEME}${sha}`;
      else if (tag === 'img' && ASSET_URL.test(raw)) data.attrValue = raw;
      else data.keepAttr = false;
    }
  });
  instance.addHook('afterSanitizeAttributes', (node) => {
    const element = node as Element;
    if (element.nodeName === 'IMG' && !ASSET_URL.test(element.getAttribute('src') ?? '')) {
      activeDropped.push(element.getAttribute('alt') ?? '');
      element.remove();
    }
  });
  purifier = instance;
  return instance;
}

/**
 * Sanitizes an article body and reports what was dropped. Synchronous and
 * re-entrant-safe within one thread (the options live only for the call).
 */
export function sanitizeArticle(html: string, options: SanitizeOptions = {}): SanitizeReport {
  const dompurify = getPurifier();
  activeOptions = options;
  activeDropped = [];
  try {
    // DOMPurify answers null (not a fragment) for markup that parses without a <body>, e.g. a <frameset> page.
    const fragment =
      (dompurify.sanitize(html.normalize('NFC'), { ...ARTICLE_PURIFY_CONFIG, RETURN_DOM_FRAGMENT: true }) as DocumentFragment | null) ??
      purifierDocument!.createDocumentFragment();
    const container = purifierDocument!.createElement('div');
    container.appendChild(fragment);
    return { html: container.innerHTML, root: container, droppedImages: activeDropped };
  } finally {
    activeOptions = {};
    activeDropped = [];
  }
}

/** The sanitized form of an article body: the only HTML Dossier stores or shows. */
export function sanitizeArticleHtml(html: string, options: SanitizeOptions = {}): string {
  return sanitizeArticle(html, options).html;
}
