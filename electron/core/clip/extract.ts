import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { countWords, domToNormalizedText } from '../../../shared/clip/normalizedText';
import type { DescriptiveMetadata, FieldStatus, MetadataField } from '../../../shared/domain/article';
import { DossierError } from '../../../shared/errors';
import { decodeBytes } from './decode';
import { extractMetadata, splitAuthors, titleWithoutSiteName, type PageMetadata } from './metadata';
import { markdownToArticle, textToArticle } from './plainText';
import { markCaptionElements, removeAuthorBoxes, removeRelatedSections, stripArticleBoilerplate, type BoilerplateContext } from './boilerplate';
import { isResidue } from './residue';
import { ARTICLE_HTML_POLICY } from '../../../shared/html/articleHtmlPolicy';
import { sanitizeArticle } from './sanitizeConfig';
import { MAX_HTML_ELEMENTS, MAX_HTML_NESTING, MAX_READABILITY_DEPTH } from '../../../shared/limits';
import { sha256Hex } from '../../../db/sha256';

const ALLOWED_ATTRIBUTES: ReadonlySet<string> = new Set(ARTICLE_HTML_POLICY.allowedAttributes);

/**
 * The extraction pipeline, pure Node (no Electron, no database):
 *   bytes → decode (gzip, BOM, HTTP/meta charset) → linkedom parse
 *   → page metadata (before Readability mutates the DOM) → Readability
 *   → image references resolved to stable keys, residue removed (linkedom)
 *   → [caller stores the images it can] → DOMPurify on jsdom → normalized text.
 * linkedom does the heavy full-page work (≈4× faster than jsdom); jsdom only
 * parses the much smaller article for the sanitizer, where safety needs it.
 */
export const EXTRACTOR_VERSION = 'dossier-clip/2 (readability 0.6.0 on linkedom + furniture rules; dompurify 3.4 on jsdom)';

export type ClipFormat = 'html' | 'text' | 'markdown';

export interface ClipInput {
  bytes: Uint8Array;
  /** The file's name: its extension decides the format (.html .htm .txt .md .html.gz). */
  filename?: string | null;
  /** The page's original URL (given by the user, or the final URL of a fetch). */
  url?: string | null;
  contentType?: string | null;
  /** Forces the format (pasted content); otherwise taken from the name, the content type, or sniffed. */
  format?: ClipFormat;
}

export interface ArticleMetadata extends DescriptiveMetadata {
  title: string;
  byline: string | null;
  leadImageUrl: string | null;
  fieldStatus: Partial<Record<MetadataField, FieldStatus>>;
}

export interface PageAnalysis {
  format: ClipFormat;
  metadata: ArticleMetadata;
  /** Readability's article body (not yet sanitized), with every image src replaced by its key (see imageKeys). */
  articleHtml: string;
  /** What relative links resolve against. */
  baseUrl: string | null;
  /**
   * Images the article shows, as keys: `data:` URIs, `local:<relative path>`
   * (beside a saved file, e.g. Page_files/photo.jpg) or absolute http(s) URLs.
   */
  imageKeys: string[];
  /**
   * The lead image as an image key the caller can store like the article's
   * images (never to be hot-linked): for a saved page, its local copy in the
   * `_files` folder (og:image/twitter:image matched by file name, else the
   * article's first image); for a URL clip, og:image or the first image.
   */
  leadImageKey: string | null;
  /** Paragraph groups of the full page, to detect text extraction dropped. */
  pageParagraphGroups: string[][];
  /** The whole page as plain text (for "view original as text"). */
  warnings: string[];
}

export interface ExtractedArticle {
  metadata: ArticleMetadata;
  format: ClipFormat;
  html: string;
  text: string;
  wordCount: number;
  textSha256: string;
  warnings: string[];
}


export function formatFromName(name: string | null | undefined): ClipFormat | undefined {
  const lower = (name ?? '').toLowerCase().replace(/\.gz$/, '');
  if (/\.(html?|xhtml|shtml|mhtml?)$/.test(lower)) return 'html';
  if (/\.(txt|text)$/.test(lower)) return 'text';
  if (/\.(md|markdown|mdown)$/.test(lower)) return 'markdown';
  return undefined;
}

function formatFromContentType(contentType: string | null | undefined): ClipFormat | undefined {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type === 'text/markdown') return 'markdown';
  if (type === 'text/plain') return 'text';
  return undefined;
}

function looksLikeHtml(text: string): boolean {
  return /<(!doctype\s+html|html|head|body|p|div|article|h1|title)[\s>]/i.test(text.slice(0, 65536));
}

function hostName(url: string | null): string | null {
  try {
    return url ? new URL(url).hostname : null;
  } catch {
    return null;
  }
}

function clean(value: string | null | undefined): string | null {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text : null;
}

function normalizeCanonical(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (!/^https?:$/.test(parsed.protocol)) return null;
    parsed.hash = '';
    for (const key of [...parsed.searchParams.keys()]) {
      if (/^(utm_|fbclid$|gclid$|mc_cid$|mc_eid$|cmpid$|ocid$|smid$|ref$)/i.test(key)) parsed.searchParams.delete(key);
    }
    return parsed.href;
  } catch {
    return null;
  }
}

function withStatus(fields: Omit<ArticleMetadata, 'fieldStatus'>): ArticleMetadata {
  const status = (value: unknown): FieldStatus => (value === null || value === '' || (Array.isArray(value) && value.length === 0) ? 'missing' : 'found');
  return {
    ...fields,
    fieldStatus: {
      title: status(fields.title),
      authors: status(fields.authors),
      siteName: status(fields.siteName),
      publishedAt: status(fields.publishedAt),
      modifiedAt: status(fields.modifiedAt),
      canonicalUrl: status(fields.canonicalUrl),
      lang: status(fields.lang),
      excerpt: status(fields.excerpt),
      leadImage: status(fields.leadImageUrl),
    },
  };
}

/** The title stored when the page has none: the file's name, else the first words of the text. */
export function displayTitleFor(title: string, filename: string | null | undefined, text: string): string {
  if (title.trim()) return title;
  const fromName = titleFromName(filename);
  if (fromName) return fromName;
  const firstBlock = text.split('\n\n')[0] ?? '';
  return firstBlock.length > 80 ? `${firstBlock.slice(0, 80).replace(/\s+\S*$/, '')}…` : firstBlock || 'Untitled clip';
}

function titleFromName(name: string | null | undefined): string | null {
  if (!name) return null;
  const base = name.split(/[\\/]/).pop() ?? name;
  return clean(base.replace(/(\.html?|\.txt|\.md|\.markdown)?(\.gz)?$/i, '').replace(/[_-]+/g, ' '));
}

const VOID_OR_AUTOCLOSED = /^(area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr|p|li|td|th|tr|option|dt|dd|!doctype)$/i;

/** Nesting depth from a tag scan (no parse): void and auto-closed elements are not counted, so it errs low. */
function approximateNesting(html: string): number {
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

/** Counts start tags cheaply, before parsing, so a page with a million elements is refused in milliseconds. */
function countStartTags(html: string): number {
  let count = 0;
  const re = /<[a-zA-Z]/g;
  while (re.exec(html) !== null) if (++count > MAX_HTML_ELEMENTS) break;
  return count;
}

const PARAGRAPH_MIN_WORDS = 12;

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The page's whole visible text as flat paragraphs (the best effort when no article can be extracted). */
function wholePageAsParagraphs(source: string): string {
  const { document } = parseHTML(source);
  for (const el of Array.from(document.querySelectorAll('script, style, noscript, template, nav, header, footer, form, svg, button, select'))) el.remove();
  const text = domToNormalizedText((document.body ?? document.documentElement) as unknown as Parameters<typeof domToNormalizedText>[0]);
  return text
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => `<p>${escapeText(block)}</p>`)
    .join('\n');
}

function paragraphGroups(document: Document): string[][] {
  const groups = new Map<unknown, string[]>();
  for (const p of Array.from(document.querySelectorAll('p'))) {
    if (p.closest('nav, footer, aside, form, header, [role="navigation"], [role="complementary"], [class*="comment"], [id*="comment"]')) continue;
    const text = (p.textContent ?? '').replace(/\s+/g, ' ').trim().normalize('NFC');
    if (countWords(text) < PARAGRAPH_MIN_WORDS) continue;
    const list = groups.get(p.parentNode) ?? [];
    list.push(text);
    groups.set(p.parentNode, list);
  }
  return [...groups.values()];
}

/**
 * Resolves each image to a key the caller can fetch or read, drops residue
 * blocks, and returns the article HTML ready for the sanitizer.
 */
function prepareArticleBody(
  articleHtml: string,
  baseUrl: string | null,
  fromFile: boolean,
  boilerplate: BoilerplateContext | null = null,
): { html: string; imageKeys: string[]; residue: string[] } {
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${articleHtml}</body></html>`);
  const residue: string[] = boilerplate ? stripArticleBoilerplate(document.body as unknown as Element, boilerplate) : [];
  const imageKeys = new Set<string>();
  for (const img of Array.from(document.querySelectorAll('img'))) {
    const srcset = img.getAttribute('srcset') ?? img.getAttribute('data-srcset') ?? '';
    const candidate = [img.getAttribute('src'), img.getAttribute('data-src'), img.getAttribute('data-lazy-src'), srcset.trim().split(/\s+/)[0]]
      .map((v) => v?.trim())
      .find((v) => v && !/^data:image\/(gif|svg)/i.test(v) && !/^about:/i.test(v));
    const key = candidate ? imageKey(candidate, baseUrl, fromFile) : null;
    if (key) {
      img.setAttribute('src', key);
      imageKeys.add(key);
    } else img.setAttribute('src', '');
    img.removeAttribute('srcset');
  }
  // Outermost first: a block whose whole text is residue goes with everything inside it.
  for (const el of Array.from(document.querySelectorAll('p, li, h1, h2, h3, h4, h5, h6, div, section, label, figcaption, button, ul, ol, span, time'))) {
    if (!el.isConnected) continue;
    // Inline spans inside running text are never residue on their own: a paragraph is judged whole.
    if ((el.tagName === 'SPAN' || el.tagName === 'TIME') && el.parentElement?.closest('p, li, h1, h2, h3, h4, h5, h6, blockquote')) continue;
    if ((el.tagName === 'UL' || el.tagName === 'OL') && isLinkMenu(el)) {
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
  for (const el of Array.from(document.querySelectorAll(ARTICLE_HTML_POLICY.forbiddenWithContent.join(',')))) el.remove();
  for (const el of Array.from(document.body.querySelectorAll('*'))) {
    for (const name of el.getAttributeNames()) if (!ALLOWED_ATTRIBUTES.has(name)) el.removeAttribute(name);
  }
  return { html: document.body.innerHTML, imageKeys: [...imageKeys], residue };
}

/** A list of three or more bare links of a few words each: a section menu, not article text. */
function isLinkMenu(list: Element): boolean {
  const items = Array.from(list.children).filter((c) => c.tagName === 'LI');
  if (items.length < 3) return false;
  return items.every((li) => {
    const links = li.querySelectorAll('a');
    const text = (li.textContent ?? '').replace(/\s+/g, ' ').trim();
    return links.length === 1 && text === (links[0]!.textContent ?? '').replace(/\s+/g, ' ').trim() && text.split(' ').length <= 3;
  });
}

/**
 * MathML as plain text (its tokens separated by spaces). Readability on
 * linkedom drops <math> elements, and DOMPurify drops foreign-namespace
 * elements with their text; a formula read as text beats a hole in the article.
 */
function flattenMath(document: Document): void {
  for (const math of Array.from(document.querySelectorAll('math'))) {
    if (!math.isConnected) continue;
    const parts: string[] = [];
    const walker = document.createTreeWalker(math, 4);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.nodeValue?.trim()) parts.push(node.nodeValue.trim());
    const span = document.createElement('span');
    span.textContent = parts.join(' ');
    // MathJax 3 wraps the MathML (its accessible copy) in custom elements whose visible glyphs are CSS: replace the whole wrapper.
    (math.closest('mjx-container') ?? math).replaceWith(span);
  }
}

function imageKey(src: string, baseUrl: string | null, fromFile: boolean): string | null {
  if (/^data:image\/(png|jpe?g|gif|webp|avif);base64,/i.test(src)) return src;
  if (/^(javascript|vbscript|data|blob|file|about):/i.test(src)) return null;
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(src);
  if (fromFile && !hasScheme && !src.startsWith('//')) {
    const path = src.split(/[?#]/)[0]!;
    try {
      return `local:${decodeURIComponent(path)}`;
    } catch {
      return `local:${path}`;
    }
  }
  try {
    const url = baseUrl ? new URL(src, baseUrl) : new URL(src);
    return /^https?:$/.test(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** A URL's or path's file name, decoded and lower-cased ("https://cdn/x/Crane%20Lift.JPG?w=1" → "crane lift.jpg"). */
function fileNameOf(ref: string, keepCase = false): string | null {
  const path = ref.split(/[?#]/)[0]!.replace(/\\/g, '/');
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (!name) return null;
  try {
    const decoded = decodeURIComponent(name);
    return keepCase ? decoded : decoded.toLowerCase();
  } catch {
    return keepCase ? name : name.toLowerCase();
  }
}

/** Local images a saved page shows (<img> src, data-src or srcset), as image keys by file name. */
function localImagesByName(document: Document): Map<string, string> {
  const byName = new Map<string, string>();
  for (const img of Array.from(document.querySelectorAll('img'))) {
    for (const ref of [img.getAttribute('src'), img.getAttribute('data-src'), (img.getAttribute('srcset') ?? '').trim().split(/\s+/)[0]]) {
      const key = ref?.trim() ? imageKey(ref.trim(), null, true) : null;
      const name = key?.startsWith('local:') ? fileNameOf(key) : null;
      if (key && name && !byName.has(name)) byName.set(name, key);
    }
  }
  return byName;
}

/**
 * A saved page's lead image, as a local key: browsers save the page's images
 * under their own file names in a `_files` folder but leave og:image pointing
 * at the web. So the og:image/twitter:image file name is looked up among the
 * page's local images, then the article's first image stands in; a guess in
 * the page's own `_files` folder comes last (it is stored only if it exists).
 */
function localLeadImage(candidates: readonly string[], localImages: ReadonlyMap<string, string>, articleKeys: readonly string[], filename: string): string | null {
  for (const candidate of candidates) {
    if (/^data:image\//i.test(candidate)) return imageKey(candidate, null, true);
    const isRelative = !/^[a-z][a-z0-9+.-]*:/i.test(candidate) && !candidate.startsWith('//');
    if (isRelative) return imageKey(candidate, null, true);
    const name = fileNameOf(candidate);
    const local = name ? localImages.get(name) : undefined;
    if (local) return local;
  }
  const firstArticleImage = articleKeys.find((k) => k.startsWith('local:') || k.startsWith('data:'));
  if (firstArticleImage) return firstArticleImage;
  const stem = (filename.split(/[\\/]/).pop() ?? '').replace(/\.(html?|xhtml|shtml)(\.gz)?$/i, '');
  const name = candidates[0] ? fileNameOf(candidates[0], true) : null;
  return stem && name && /\.(png|jpe?g|gif|webp|avif)$/i.test(name) ? `local:${stem}_files/${name}` : null;
}

/** Decode, parse and extract: everything up to (not including) storing images and sanitizing. */
export function analyzePage(input: ClipInput): PageAnalysis {
  const nameFormat = formatFromName(input.filename);
  const declaredFormat = input.format ?? nameFormat ?? formatFromContentType(input.contentType);
  const decoded = decodeBytes(input.bytes, { contentType: input.contentType, html: declaredFormat !== 'text' && declaredFormat !== 'markdown' });
  const warnings = [...decoded.warnings];
  let format = declaredFormat ?? (looksLikeHtml(decoded.text) ? 'html' : undefined);
  if (!format) {
    if (input.filename && !nameFormat) {
      throw new DossierError('unsupported', `Dossier clips web pages (.html, .htm, .html.gz) and text (.txt, .md); "${input.filename}" is neither.`);
    }
    format = 'text';
  }
  if (format === 'html' && !looksLikeHtml(decoded.text)) {
    warnings.push('The file has no HTML markup; it was clipped as plain text.');
    format = 'text';
  }
  if (format !== 'html') return analyzeText(decoded.text, format, input, warnings);
  return analyzeHtml(decoded.text, input, warnings);
}

function analyzeText(text: string, format: ClipFormat, input: ClipInput, warnings: string[]): PageAnalysis {
  const article = format === 'markdown' ? markdownToArticle(text) : textToArticle(text);
  const title = clean(article.title) ?? '';
  // A one-line text is its own body.
  const { html, imageKeys } = prepareArticleBody(article.html.trim() === '' && title ? `<p>${escapeText(title)}</p>` : article.html, input.url ?? null, Boolean(input.filename));
  return {
    format,
    metadata: withStatus({
      title,
      byline: null,
      authors: [],
      siteName: null,
      publishedAt: null,
      modifiedAt: null,
      canonicalUrl: normalizeCanonical(input.url ?? null),
      lang: null,
      excerpt: null,
      leadImageUrl: null,
    }),
    articleHtml: html,
    baseUrl: input.url ?? null,
    imageKeys,
    leadImageKey: null,
    pageParagraphGroups: [],
    warnings: article.removedResidue.length ? [...warnings] : warnings,
  };
}

function analyzeHtml(rawSource: string, input: ClipInput, warnings: string[]): PageAnalysis {
  // A fragment (pasted HTML) needs a document around it: linkedom gives a fragment no <body>.
  const source = /<(html|body)[\s>]/i.test(rawSource.slice(0, 65536)) ? rawSource : `<!DOCTYPE html><html><head></head><body>${rawSource}</body></html>`;
  const elements = countStartTags(source);
  if (elements > MAX_HTML_ELEMENTS) {
    throw new DossierError('too_large', `The page has more than ${MAX_HTML_ELEMENTS.toLocaleString('en')} elements; Dossier does not clip pages that large.`);
  }
  const nesting = approximateNesting(source);
  if (nesting > MAX_HTML_NESTING) {
    throw new DossierError('too_large', `The page nests its markup more than ${MAX_HTML_NESTING.toLocaleString('en')} levels deep; no real article does, and Dossier does not clip it.`);
  }
  const { document } = parseHTML(source);
  if (!document.documentElement) throw new DossierError('invalid_input', 'The file could not be read as HTML.');
  const pageMeta: PageMetadata = extractMetadata(document as unknown as Parameters<typeof extractMetadata>[0], source);
  const baseUrl = input.url ?? pageMeta.savedFromUrl ?? pageMeta.canonicalUrl;
  const fromFile = Boolean(input.filename);
  // Before Readability drops them: every local image the saved page shows, by file name, to find the lead image's copy.
  const localImages = fromFile ? localImagesByName(document as unknown as Document) : new Map<string, string>();
  flattenMath(document as unknown as Document);
  removeRelatedSections(document as unknown as Document);
  removeAuthorBoxes(document as unknown as Document);
  markCaptionElements(document as unknown as Document);
  const groups = paragraphGroups(document as unknown as Document);
  const bodyText = (document.body?.textContent ?? '').trim();

  let readable: ReturnType<Readability<string>['parse']> = null;
  const tooDeep = nesting > MAX_READABILITY_DEPTH;
  if (tooDeep) {
    warnings.push(`The page nests its markup more than ${MAX_READABILITY_DEPTH} levels deep, too deep for article extraction; its whole text was kept instead.`);
  } else {
    try {
      readable = new Readability(document as unknown as Document, { charThreshold: 500, keepClasses: true }).parse();
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      warnings.push('The page could not be read as an article (its markup is too complex); its whole text was kept instead.');
    }
  }
  let articleHtml = readable?.content ?? '';
  if (!readable || countWords(readable.textContent ?? '') === 0) {
    if (countWords(bodyText) === 0) throw new DossierError('invalid_input', 'The page has no readable text.');
    if (!tooDeep) warnings.push('No article was found on the page; the whole page text was kept instead.');
    articleHtml = wholePageAsParagraphs(source);
  }
  const authors = pageMeta.authors.length ? pageMeta.authors : splitAuthors(readable?.byline ?? '');
  // Readability keeps classes for the boilerplate rules; the attribute pass below and the sanitizer strip them.
  const prepared = prepareArticleBody(articleHtml, baseUrl, fromFile, { authors, baseUrl });
  const leadImageKey = fromFile
    ? localLeadImage(pageMeta.leadImageCandidates, localImages, prepared.imageKeys, input.filename ?? '')
    : (pageMeta.leadImageUrl ?? prepared.imageKeys.find((k) => /^https?:/i.test(k)) ?? null);

  // An empty title is reported as missing; the store shows a fallback (see displayTitleFor).
  const canonical = normalizeCanonical(pageMeta.canonicalUrl ?? input.url ?? pageMeta.savedFromUrl);
  const rawTitle = clean(readable?.title) ?? pageMeta.title ?? '';
  const title = titleWithoutSiteName(rawTitle, [pageMeta.siteName, clean(readable?.siteName), hostName(canonical ?? baseUrl)]);
  return {
    format: 'html',
    metadata: withStatus({
      title,
      byline: authors.length ? authors.join(', ') : clean(readable?.byline),
      authors,
      siteName: pageMeta.siteName ?? clean(readable?.siteName),
      publishedAt: pageMeta.publishedAt ?? clean(readable?.publishedTime),
      modifiedAt: pageMeta.modifiedAt,
      canonicalUrl: canonical,
      lang: pageMeta.lang ?? clean(readable?.lang),
      excerpt: clean(readable?.excerpt) ?? pageMeta.excerpt,
      leadImageUrl: pageMeta.leadImageUrl,
    }),
    articleHtml: prepared.html,
    baseUrl,
    imageKeys: prepared.imageKeys,
    leadImageKey,
    pageParagraphGroups: groups,
    warnings,
  };
}

/** Extraction-loss check: paragraphs of the page's main text that the clean text lost. */
export function extractionLoss(groups: string[][], cleanText: string): { droppedParagraphs: number; droppedWords: number; keptWords: number } {
  const haystack = cleanText.replace(/\s+/g, ' ');
  let droppedParagraphs = 0;
  let droppedWords = 0;
  let keptWords = 0;
  // The page's main text: groups (paragraphs sharing a parent) where the article kept at least one paragraph, plus the biggest group.
  const biggest = groups.reduce<string[] | undefined>((best, g) => (!best || countWords(g.join(' ')) > countWords(best.join(' ')) ? g : best), undefined);
  for (const group of groups) {
    const kept = group.filter((p) => haystack.includes(p));
    if (kept.length === 0 && group !== biggest) continue;
    for (const paragraph of group) {
      if (kept.includes(paragraph)) keptWords += countWords(paragraph);
      else {
        droppedParagraphs++;
        droppedWords += countWords(paragraph);
      }
    }
  }
  return { droppedParagraphs, droppedWords, keptWords };
}

/**
 * Sanitizes the article body with the stored images (key → sha256), and
 * derives the normalized text, its hash and the warnings.
 */
export function finishArticle(analysis: PageAnalysis, images: ReadonlyMap<string, string> | null = new Map(), extraWarnings: string[] = []): ExtractedArticle {
  // images === null: a preview, where images are not stored yet, so dropping them is no loss to report.
  const sanitized = sanitizeArticle(analysis.articleHtml, { baseUrl: analysis.baseUrl, images: images ?? new Map() });
  const text = domToNormalizedText(sanitized.root);
  if (countWords(text) === 0) throw new DossierError('invalid_input', 'Nothing readable is left after cleaning the page (no article text).');
  const warnings = [...analysis.warnings, ...extraWarnings];
  const loss = extractionLoss(analysis.pageParagraphGroups, text);
  if (loss.droppedParagraphs >= 2 && loss.droppedWords >= 60 && loss.droppedWords > 0.15 * (loss.keptWords + loss.droppedWords)) {
    warnings.push(
      `Extraction may have lost text: ${loss.droppedParagraphs} paragraphs (about ${loss.droppedWords} words) of the page's main text are not in the clean text. The original page is kept; view it as text to check.`,
    );
  }
  const dropped = images === null ? 0 : sanitized.droppedImages.length;
  if (dropped > 0) warnings.push(`${dropped} image${dropped === 1 ? ' was' : 's were'} dropped because ${dropped === 1 ? 'it' : 'they'} could not be stored offline (Dossier never loads remote images).`);
  return {
    metadata: analysis.metadata,
    format: analysis.format,
    html: sanitized.html,
    text,
    wordCount: countWords(text),
    textSha256: sha256Hex(text),
    warnings,
  };
}

/** The whole pipeline without storing anything (images dropped): preview and dry-run. */
export function extractArticle(input: ClipInput): ExtractedArticle {
  return finishArticle(analyzePage(input), null);
}

/** The original page as plain text, for "view original as text". */
export function originalAsText(input: ClipInput): string {
  const decoded = decodeBytes(input.bytes, { contentType: input.contentType });
  const format = input.format ?? formatFromName(input.filename) ?? (looksLikeHtml(decoded.text) ? 'html' : 'text');
  if (format !== 'html') return decoded.text;
  return wholePageAsParagraphs(decoded.text)
    .split('\n')
    .map((p) => p.slice(3, -4).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'))
    .join('\n\n');
}
