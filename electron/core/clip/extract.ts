import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { sha256Hex } from '../../../db/sha256';
import { countWords, domToNormalizedText } from '../../../shared/clip/normalizedText';
import type { DescriptiveMetadata, FieldStatus, MetadataField } from '../../../shared/domain/article';
import { DossierError } from '../../../shared/errors';
import { MAX_READABILITY_DEPTH } from '../../../shared/limits';
import { escapeText, prepareArticleBody, wholePageAsParagraphs } from './articleBody';
import { markCaptionElements, removeAuthorBoxes, removeRelatedSections } from './boilerplate';
import { decodeBytes } from './decode';
import { extractionLossWarning, paragraphGroups } from './extractionLoss';
import { formatFromContentType, formatFromName, looksLikeHtml, type ClipFormat } from './format';
import { localImagesByName, localLeadImage } from './images';
import { flattenMath } from './math';
import { extractMetadata, splitAuthors, titleWithoutSiteName, type PageMetadata } from './metadata';
import { checkPageLimits } from './pageLimits';
import { sanitizeArticle } from './sanitizeConfig';
import { markdownToArticle, textToArticle } from './plainText';

/**
 * The extraction pipeline, pure Node (no Electron, no database). This file orchestrates; each job has its
 * own module (format sniffing, pre-parse limits, images, MathML, article body, extraction-loss check):
 *   bytes → decode (gzip, BOM, HTTP/meta charset) → linkedom parse
 *   → page metadata (before Readability mutates the DOM) → Readability
 *   → image references resolved to stable keys, residue removed (linkedom)
 *   → [caller stores the images it can] → DOMPurify on jsdom → normalized text.
 * linkedom does the heavy full-page work (≈4× faster than jsdom); jsdom only
 * parses the much smaller article for the sanitizer, where safety needs it.
 */
export const EXTRACTOR_VERSION =
  'dossier-clip/2 (readability 0.6.0 on linkedom + furniture rules; dompurify 3.4 on jsdom)';

export type { ClipFormat } from './format';

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
  const status = (value: unknown): FieldStatus =>
    value === null || value === '' || (Array.isArray(value) && value.length === 0) ? 'missing' : 'found';
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
  if (firstBlock.length > 80) return `${firstBlock.slice(0, 80).replace(/\s+\S*$/, '')}…`;
  return firstBlock || 'Untitled clip';
}

function titleFromName(name: string | null | undefined): string | null {
  if (!name) return null;
  const base = name.split(/[\\/]/).pop() ?? name;
  return clean(base.replace(/(\.html?|\.txt|\.md|\.markdown)?(\.gz)?$/i, '').replace(/[_-]+/g, ' '));
}

/** Decode, parse and extract: everything up to (not including) storing images and sanitizing. */
export function analyzePage(input: ClipInput): PageAnalysis {
  const nameFormat = formatFromName(input.filename);
  const declaredFormat = input.format ?? nameFormat ?? formatFromContentType(input.contentType);
  const decoded = decodeBytes(input.bytes, {
    contentType: input.contentType,
    html: declaredFormat !== 'text' && declaredFormat !== 'markdown',
  });
  const warnings = [...decoded.warnings];
  let format = declaredFormat ?? (looksLikeHtml(decoded.text) ? 'html' : undefined);
  if (!format) {
    if (input.filename && !nameFormat) {
      throw new DossierError(
        'unsupported',
        `Dossier clips web pages (.html, .htm, .html.gz) and text (.txt, .md); "${input.filename}" is neither.`,
      );
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
  const { html, imageKeys } = prepareArticleBody(
    article.html.trim() === '' && title ? `<p>${escapeText(title)}</p>` : article.html,
    input.url ?? null,
    Boolean(input.filename),
  );
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
  const source = /<(html|body)[\s>]/i.test(rawSource.slice(0, 65536))
    ? rawSource
    : `<!DOCTYPE html><html><head></head><body>${rawSource}</body></html>`;
  const nesting = checkPageLimits(source);
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
    warnings.push(
      `The page nests its markup more than ${MAX_READABILITY_DEPTH} levels deep, too deep for article extraction; ` +
        'its whole text was kept instead.',
    );
  } else {
    try {
      readable = new Readability(document as unknown as Document, { charThreshold: 500, keepClasses: true }).parse();
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      warnings.push(
        'The page could not be read as an article (its markup is too complex); its whole text was kept instead.',
      );
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
  const title = titleWithoutSiteName(rawTitle, [
    pageMeta.siteName,
    clean(readable?.siteName),
    hostName(canonical ?? baseUrl),
  ]);
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

/**
 * Sanitizes the article body with the stored images (key → sha256), and
 * derives the normalized text, its hash and the warnings.
 */
export function finishArticle(
  analysis: PageAnalysis,
  images: ReadonlyMap<string, string> | null = new Map(),
  extraWarnings: string[] = [],
): ExtractedArticle {
  // images === null: a preview, where images are not stored yet, so dropping them is no loss to report.
  const sanitized = sanitizeArticle(analysis.articleHtml, { baseUrl: analysis.baseUrl, images: images ?? new Map() });
  const text = domToNormalizedText(sanitized.root);
  if (countWords(text) === 0)
    throw new DossierError('invalid_input', 'Nothing readable is left after cleaning the page (no article text).');
  const warnings = [...analysis.warnings, ...extraWarnings];
  const lossWarning = extractionLossWarning(analysis.pageParagraphGroups, text);
  if (lossWarning) warnings.push(lossWarning);
  const dropped = images === null ? 0 : sanitized.droppedImages.length;
  if (dropped > 0)
    warnings.push(
      `${dropped} image${dropped === 1 ? ' was' : 's were'} dropped because ${dropped === 1 ? 'it' : 'they'} ` +
        'could not be stored offline (Dossier never loads remote images).',
    );
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
