/**
 * News metadata from the whole page, read BEFORE Readability mutates the
 * document. Sources, most trusted first: JSON-LD (including @graph and nested
 * arrays), OpenGraph and article:* meta, the meta names newsroom CMSes emit
 * (parsely, sailthru, Dublin Core, citation_*, byl), microdata, <time>, and
 * visible bylines. Readability's own findings are merged in by the caller as
 * a fallback.
 */

// linkedom's and jsdom's documents both satisfy this minimal surface.
export interface MetaDocument {
  querySelectorAll(selector: string): ArrayLike<MetaElement>;
  querySelector(selector: string): MetaElement | null;
  documentElement: MetaElement | null;
}
export interface MetaElement {
  getAttribute(name: string): string | null;
  textContent: string | null;
  tagName: string;
}

export interface PageMetadata {
  title: string | null;
  authors: string[];
  siteName: string | null;
  publishedAt: string | null;
  modifiedAt: string | null;
  canonicalUrl: string | null;
  lang: string | null;
  excerpt: string | null;
  leadImageUrl: string | null;
  /** The URL the page says it was saved from (browser "saved from url" comment, <base>). */
  savedFromUrl: string | null;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const ARTICLE_TYPES = /^(NewsArticle|Article|BlogPosting|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|Report|ScholarlyArticle|TechArticle|LiveBlogPosting|SocialMediaPosting|WebPage|Review|Blog|VideoObject)$/i;

function clean(value: string | null | undefined): string | null {
  if (value == null) return null;
  const text = value.replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

/** Some CMSes (and archived copies) put the value in `value` instead of `content`. */
function metaValue(el: MetaElement): string | null {
  return el.getAttribute('content') ?? el.getAttribute('value');
}

/** Every <meta> value by lower-cased property/name/itemprop, in document order, read in one pass. */
type MetaIndex = Map<string, string[]>;
const metaIndexes = new WeakMap<MetaDocument, MetaIndex>();

function metaIndex(doc: MetaDocument): MetaIndex {
  let index = metaIndexes.get(doc);
  if (index) return index;
  index = new Map();
  for (const el of Array.from(doc.querySelectorAll('meta'))) {
    const value = clean(metaValue(el));
    if (!value) continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = el.getAttribute(attr)?.toLowerCase().trim();
      if (!key) continue;
      const list = index.get(key) ?? [];
      list.push(value);
      index.set(key, list);
    }
  }
  metaIndexes.set(doc, index);
  return index;
}

function meta(doc: MetaDocument, ...keys: string[]): string | null {
  const index = metaIndex(doc);
  for (const key of keys) {
    const value = index.get(key.toLowerCase())?.[0];
    if (value) return value;
  }
  return null;
}

function metaAll(doc: MetaDocument, ...keys: string[]): string[] {
  const index = metaIndex(doc);
  return keys.flatMap((key) => index.get(key.toLowerCase()) ?? []);
}

function jsonLdObjects(doc: MetaDocument): JsonObject[] {
  const out: JsonObject[] = [];
  const visit = (value: Json, depth: number): void => {
    if (depth > 6 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    out.push(value);
    if (value['@graph']) visit(value['@graph'], depth + 1);
    if (value.mainEntity) visit(value.mainEntity, depth + 1);
  };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    const raw = (script.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '').trim();
    if (!raw) continue;
    try {
      visit(JSON.parse(raw) as Json, 0);
    } catch {
      // Broken JSON-LD is common; a lenient second try strips control characters.
      try {
        visit(JSON.parse(raw.replace(/\p{Cc}+/gu, ' ')) as Json, 0);
      } catch {
        /* ignore this block */
      }
    }
  }
  return out;
}

function typesOf(obj: JsonObject): string[] {
  const type = obj['@type'];
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string');
  return [];
}

function str(value: Json | undefined): string | null {
  if (typeof value === 'string') return clean(value);
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return str(value[0]);
  if (value && typeof value === 'object') return str(value.name ?? value['@value'] ?? value.url ?? null);
  return null;
}

function personNames(value: Json | undefined): string[] {
  if (value == null) return [];
  if (typeof value === 'string') return splitAuthors(value);
  if (Array.isArray(value)) return value.flatMap((v) => personNames(v));
  if (typeof value === 'object') {
    const name = value.name;
    if (typeof name === 'string') return splitAuthors(name);
    if (Array.isArray(name)) return personNames(name);
    if (typeof value.givenName === 'string' || typeof value.familyName === 'string') {
      return [clean(`${value.givenName ?? ''} ${value.familyName ?? ''}`)].filter((n): n is string => n !== null);
    }
  }
  return [];
}

const NOT_A_NAME = /^(https?:|www\.|@|staff|admin|editor|unknown|null|undefined)$|^https?:\/\//i;

/** "By Jane Doe and John Roe" / "Jane Doe, John Roe" → names; drops URLs and handles. */
export function splitAuthors(raw: string): string[] {
  const text = clean(raw.replace(/^\s*(written\s+)?by[:\s]+/i, '').replace(/^\s*(BY|By)(?=\p{Lu}\p{Ll})/u, ''))?.replace(/\s*\|.*$/, '') ?? '';
  if (!text || /^https?:\/\//i.test(text)) return [];
  const parts = text
    .split(/\s*(?:,|;|\band\b|&)\s*/i)
    .map((p) => clean(p.replace(/^by\s+/i, '')))
    .filter((p): p is string => p !== null && !NOT_A_NAME.test(p) && p.length <= 80);
  // "Gillman, Steve": one person written family name first (two single words around one comma).
  if (parts.length === 2 && /^[^,;&]+,\s*[^,;&]+$/.test(text) && parts.every((p) => /^[\p{Lu}][\p{L}'’-]+$/u.test(p))) return [`${parts[1]} ${parts[0]}`];
  return [...new Set(parts)];
}

/** A date in the page → ISO (datetime with zone when the page gave one, else YYYY-MM-DD); null when unparseable. */
export function normalizeDate(raw: string | null | undefined): string | null {
  const text = clean(raw);
  if (!text) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  if (/^\d{10}(\d{3})?$/.test(text)) {
    const ms = text.length === 13 ? Number(text) : Number(text) * 1000;
    const date = new Date(ms);
    return Number.isNaN(date.getTime()) ? null : date.toISOString();
  }
  // 20161209 or 2016/12/09
  const compact = /^(\d{4})[/.]?(\d{2})[/.]?(\d{2})$/.exec(text);
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  const dateOnly = !/\d:\d/.test(text) && /[a-z]/i.test(text);
  const parsed = Date.parse(text.replace(/(\d)(st|nd|rd|th)\b/, '$1').replace(/\bat\b/i, ' ').replace(/\s+[A-Z]{2,4}$/, (zone) => (/^(UTC|GMT|Z)$/.test(zone.trim()) ? zone : '')));
  if (Number.isNaN(parsed)) return null;
  const date = new Date(parsed);
  const year = date.getUTCFullYear();
  if (year < 1990 || year > 2100) return null;
  // "December 14, 2016" names a day, not an instant: keep it a date whatever the machine's time zone.
  if (dateOnly) return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  return date.toISOString();
}

function firstDate(...candidates: (string | null | undefined)[]): string | null {
  for (const candidate of candidates) {
    const date = normalizeDate(candidate);
    if (date) return date;
  }
  return null;
}

function parselyPage(doc: MetaDocument): JsonObject | null {
  const raw = meta(doc, 'parsely-page');
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Json;
    return value && typeof value === 'object' && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

const BYLINE_SELECTORS = [
  '[itemprop="author"] [itemprop="name"]',
  '[itemprop="author"]',
  '[rel="author"]',
  '.byline__name',
  '.byline-name',
  '.author-name',
  '.author_name',
  '.article-author',
  '.byline a',
  '.byline',
  '.author',
  '[class*="byline"]',
  '[data-testid="byline"]',
];

const PERSON_NAME = /^[\p{Lu}][\p{L}.'’-]*(?:\s+(?:[\p{Lu}][\p{L}.'’-]*|de|da|van|von|der|del|la|le|di|bin|al)){0,4}$/u;

function namesIn(text: string | null, strict: boolean): string[] {
  const value = clean(text);
  if (!value || value.length > 120 || (/\d{4}/.test(value) && value.length > 60)) return [];
  const names = splitAuthors(value.replace(/\b(updated|published|posted)\b.*$/i, ''));
  const ok = names.length > 0 && names.every((n) => (strict ? PERSON_NAME.test(n) : n.split(' ').length <= 5 && !/\d/.test(n)));
  return ok ? names : [];
}

interface ChildrenElement extends MetaElement {
  children?: ArrayLike<MetaElement>;
}

/** A byline element's names: its whole text, or else its first child that reads as names ("Joe Davidson" in "Joe DavidsonWashington PostDec 13"). */
function visibleByline(doc: MetaDocument): string[] {
  for (const selector of BYLINE_SELECTORS) {
    for (const el of Array.from(doc.querySelectorAll(selector)).slice(0, 5) as ChildrenElement[]) {
      const whole = namesIn(el.getAttribute('content') ?? el.textContent, false);
      if (whole.length) return whole;
      for (const child of Array.from(el.children ?? []).slice(0, 6)) {
        const names = namesIn(child.textContent, true);
        if (names.length) return names;
      }
    }
  }
  return [];
}

const DATE_LABEL = /^\s*(last\s+)?(updated|published|posted|modified|date)\s*(on|at)?[:\s]*/i;
const DATE_CLASS = '[class*="date" i], [class*="time" i], [class*="publish" i], [class*="posted" i], [class*="byline" i] span, [class*="meta" i] span';

/** A visible date line ("December 14, 2016", "Updated: Dec 15, 2016 2:57 PM UTC"), when the page has no machine-readable date. */
function visibleDate(doc: MetaDocument): string | null {
  const candidates = [...Array.from(doc.querySelectorAll(DATE_CLASS)).slice(0, 40), ...Array.from(doc.querySelectorAll('span, p, div, li')).slice(0, 4000)];
  for (const el of candidates) {
    if ((el as unknown as { children?: ArrayLike<unknown> }).children?.length) continue;
    const text = clean(el.textContent);
    if (!text || text.length > 60 || !isDateLine(text)) continue;
    const date = normalizeDate(text.replace(DATE_LABEL, ''));
    if (date) return date;
  }
  return null;
}

function isDateLine(text: string): boolean {
  return /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}\b|\b\d{1,2}\.?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}\b/i.test(text) && text.replace(DATE_LABEL, '').length <= 45;
}

function savedFromComment(html: string): string | null {
  const match = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html.slice(0, 4096));
  return match?.[1] ?? null;
}

export function extractMetadata(doc: MetaDocument, rawHtml: string): PageMetadata {
  const ld = jsonLdObjects(doc);
  const articles = ld.filter((o) => typesOf(o).some((t) => ARTICLE_TYPES.test(t)));
  // Prefer a real article type over WebPage.
  articles.sort((a, b) => Number(typesOf(a).some((t) => /^WebPage$/i.test(t))) - Number(typesOf(b).some((t) => /^WebPage$/i.test(t))));
  const ldArticle = articles[0];
  const organization = ld.find((o) => typesOf(o).some((t) => /^(NewsMediaOrganization|Organization|WebSite)$/i.test(t)));
  const parsely = parselyPage(doc);

  const ldAuthors = articles.flatMap((a) => personNames(a.author ?? a.creator));
  const metaAuthors = [
    ...metaAll(doc, 'author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'dcterms.creator', 'citation_author', 'byl', 'og:article:author', 'cxenseparse:author'),
  ].filter((a) => !/^https?:\/\//i.test(a));
  const parselyAuthors = parsely ? personNames(parsely.author ?? parsely.authors) : [];
  let authors = ldAuthors.length ? ldAuthors : parselyAuthors.length ? parselyAuthors : metaAuthors.flatMap(splitAuthors);
  if (authors.length === 0) authors = visibleByline(doc);
  authors = [...new Set(authors)];

  const timeEl =
    doc.querySelector('time[itemprop="datePublished"]') ??
    doc.querySelector('time[pubdate]') ??
    doc.querySelector('time[data-published]') ??
    doc.querySelector('article time[datetime]') ??
    doc.querySelector('time[datetime]');
  const publishedAt = firstDate(
    str(ldArticle?.datePublished),
    ...articles.map((a) => str(a.datePublished ?? a.dateCreated ?? a.uploadDate)),
    meta(doc, 'article:published_time', 'og:article:published_time', 'published_time', 'published_at', 'parsely-pub-date', 'sailthru.date', 'datePublished', 'dc.date.issued', 'dcterms.issued', 'dc.date', 'dcterms.date', 'citation_publication_date', 'citation_date', 'date', 'pubdate', 'publishdate', 'publish-date', 'publish_date', 'article.published', 'article_date_original', 'OriginalPublicationDate', 'DisplayDate', 'timestamp', 'og:updated_time'),
    parsely ? str(parsely.pub_date) : null,
    timeEl?.getAttribute('datetime') ?? timeEl?.getAttribute('data-published') ?? timeEl?.textContent,
  ) ?? visibleDate(doc);
  const modifiedAt = firstDate(
    ...articles.map((a) => str(a.dateModified)),
    meta(doc, 'article:modified_time', 'og:updated_time', 'dateModified', 'last-modified', 'dcterms.modified', 'article.updated'),
  );

  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  const base = doc.querySelector('base[href]')?.getAttribute('href') ?? null;
  const savedFrom = savedFromComment(rawHtml);
  const ogUrl = meta(doc, 'og:url', 'twitter:url', 'parsely-link');
  const absolute = (value: string | null, against: string | null): string | null => {
    if (!value) return null;
    try {
      return against ? new URL(value, against).href : new URL(value).href;
    } catch {
      return null;
    }
  };
  const pageUrl = absolute(savedFrom, null) ?? absolute(base, null) ?? absolute(ogUrl, null);
  const canonicalUrl = [absolute(canonical, pageUrl), absolute(ogUrl, null), absolute(str(ldArticle?.url), null)].find((u) => u && /^https?:/i.test(u)) ?? null;

  const leadImage =
    meta(doc, 'og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src', 'parsely-image-url', 'sailthru.image.full') ??
    str(ldArticle?.image ?? ldArticle?.thumbnailUrl);

  return {
    title: clean(str(ldArticle?.headline)) ?? meta(doc, 'og:title', 'twitter:title', 'parsely-title', 'sailthru.title', 'dc.title', 'citation_title'),
    authors,
    siteName: meta(doc, 'og:site_name', 'application-name', 'al:android:app_name', 'al:iphone:app_name', 'cre', 'twitter:site:name') ?? str(ldArticle?.publisher) ?? str(organization?.name) ?? null,
    publishedAt,
    modifiedAt,
    canonicalUrl,
    lang: clean(doc.documentElement?.getAttribute('lang')) ?? meta(doc, 'og:locale', 'content-language', 'dc.language', 'language', 'inLanguage') ?? str(ldArticle?.inLanguage),
    excerpt: meta(doc, 'description', 'og:description', 'twitter:description', 'dc.description', 'sailthru.description') ?? str(ldArticle?.description),
    leadImageUrl: absolute(leadImage, pageUrl ?? canonicalUrl),
    savedFromUrl: pageUrl,
  };
}
