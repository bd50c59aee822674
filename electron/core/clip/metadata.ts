/**
 * News metadata from the whole page, read BEFORE Readability mutates the
 * document. Sources, most trusted first: JSON-LD (including @graph and nested
 * arrays), OpenGraph and article:* meta, the meta names newsroom CMSes emit
 * (parsely, sailthru, Dublin Core, citation_*, byl), microdata, <time>, and
 * visible bylines. Readability's own findings are merged in by the caller as
 * a fallback.
 */

import type { DescriptiveMetadata } from '../../../shared/domain/article';
import { findDateInText, normalizeDate, zoneHintForLanguage, type ZoneHint } from './dates';

export { normalizeDate } from './dates';

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

export interface PageMetadata extends DescriptiveMetadata {
  title: string | null;
  leadImageUrl: string | null;
  /** The lead image as the page wrote it (og:image, twitter:image, …), unresolved, best first: a saved page's copy is found by these. */
  leadImageCandidates: string[];
  /** The URL the page says it was saved from (browser "saved from url" comment, <base>). */
  savedFromUrl: string | null;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const ORGANIZATION_TYPES = /^(Organization|NewsMediaOrganization|Corporation|GovernmentOrganization|NGO|PoliticalParty|EducationalOrganization|PerformingGroup)$/i;
/** A fact check and the claim it checks: their authors are the checker or the claimant, never the article's writer. */
const CLAIM_TYPES = /^(ClaimReview|Claim)$/i;

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
    // An organisation is one author whatever its name says ("Democrats and Republicans", "Reporters and Editors Guild").
    if (typeof name === 'string' && typesOf(value).some((t) => ORGANIZATION_TYPES.test(t))) return [clean(name)].filter((n): n is string => n !== null);
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

function firstDate(hint: ZoneHint | null, ...candidates: (string | null | undefined)[]): string | null {
  for (const candidate of candidates) {
    const date = normalizeDate(candidate, hint);
    if (date) return date;
  }
  return null;
}

/**
 * A CMS that fills the article's published date with its last edit leaves the
 * real one in another field (`<meta property="article:published"
 * itemprop="datePublished">`): when the first published date found is the
 * modified date and another says earlier, the earlier one is the publication.
 */
function earlierThanModified(hint: ZoneHint | null, modifiedAt: string | null, candidates: (string | null)[]): string | null {
  const dates = candidates.map((c) => normalizeDate(c, hint)).filter((d): d is string => d !== null);
  const first = dates[0];
  if (!first || !modifiedAt || Date.parse(first) !== Date.parse(modifiedAt)) return null;
  const earlier = dates.filter((d) => Date.parse(d) < Date.parse(first)).sort((a, b) => Date.parse(a) - Date.parse(b))[0];
  return earlier ?? null;
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
/** A name in Han, kana or Hangul script (no spaces needed, no capitals to go by). */
const CJK_NAME = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー・々][\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー・々\s]{1,11}$/u;
const CJK_TEXT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** Byline labels in Japanese, Chinese and Korean pages ("文：山田太郎", "著者：後藤大地", "取材・文/…"), and "山田太郎記者". */
const CJK_BYLINE = /^(?:文|著者|筆者|執筆者?|記者|作者|取材・文|文・写真|写真・文|文と写真|構成・文|기자|글)\s*[:：/／|｜]\s*(.{2,24})$|^(.{2,12}?)\s*(?:記者|기자)$/u;

function namesIn(text: string | null, strict: boolean): string[] {
  const value = clean(text);
  if (!value || value.length > 120 || (/\d{4}/.test(value) && value.length > 60)) return [];
  const cjk = CJK_BYLINE.exec(value);
  if (cjk) {
    const name = clean(cjk[1] ?? cjk[2]);
    return name && CJK_NAME.test(name) ? [name] : [];
  }
  const names = splitAuthors(value.replace(/\b(updated|published|posted)\b.*$/i, ''));
  const ok = names.length > 0 && names.every((n) => CJK_NAME.test(n) || (strict ? PERSON_NAME.test(n) : n.split(' ').length <= 5 && !/\d/.test(n)));
  return ok ? names : [];
}

interface ChildrenElement extends MetaElement {
  children?: ArrayLike<MetaElement>;
  parentElement?: ChildrenElement | null;
  closest?(selector: string): MetaElement | null;
}

/** Microdata of a fact check: the author of the reviewed claim (itemReviewed) is the claimant, not the article's writer. */
function inClaim(el: ChildrenElement): boolean {
  return Boolean(el.closest?.('[itemprop="itemReviewed"], [itemtype$="/Claim" i]'));
}

/** Links to an author's page, and elements classed as the writer: byline signals when "By" (or a byline label) introduces them. */
const AUTHOR_HREF = /\/(authors?|profiles?|people|staff|writers?|reporters?|journalists?)\//i;
const BY_PREFIX = /^\s*(?:(?:by|written by|words by|story by|von|par|por|di|door|av|af)\b|著者|文|記者)\s*[:：/]?\s*/i;

/** The byline right under the headline: "By <a href="/author/jane-doe">Jane Doe</a>", <span class="writer">, "著者：後藤大地". */
function bylineNearHeadline(doc: MetaDocument): string[] {
  const candidates = afterHeadlineFirst(doc, 'a[href], [class]')
    .filter((el) => (el.tagName === 'A' && AUTHOR_HREF.test(el.getAttribute('href') ?? '')) || /writer/i.test(el.getAttribute('class') ?? ''))
    .slice(0, 40) as ChildrenElement[];
  for (const el of candidates) {
    const own = clean(el.textContent);
    if (!own || own.length > 80) continue;
    if (el.tagName === 'A' && !CJK_BYLINE.test(own)) {
      // A bare link to a profile is a byline only when "By" introduces it.
      const context = clean(el.parentElement?.textContent) ?? '';
      if (!BY_PREFIX.test(context) || context.length > 120) continue;
    }
    const names = namesIn(own, true);
    if (names.length) return names;
  }
  // A labelled byline in any short element under the headline ("文：山田太郎", "山田太郎記者"), on pages written in those scripts.
  if (!CJK_TEXT.test(doc.querySelector('title')?.textContent ?? '') && !CJK_TEXT.test(doc.querySelector('h1')?.textContent ?? '')) return [];
  for (const el of afterHeadlineFirst(doc, 'p, span, li, dd, small').slice(0, 300)) {
    if (((el as ChildrenElement).children?.length ?? 0) > 2) continue;
    const own = clean(el.textContent);
    if (!own || own.length > 40 || !CJK_BYLINE.test(own)) continue;
    const names = namesIn(own, true);
    if (names.length) return names;
  }
  return [];
}

/** A byline element's names: its whole text, or else its first child that reads as names ("Joe Davidson" in "Joe DavidsonWashington PostDec 13"). */
function visibleByline(doc: MetaDocument): string[] {
  const near = bylineNearHeadline(doc);
  if (near.length) return near;
  for (const selector of BYLINE_SELECTORS) {
    for (const el of (Array.from(doc.querySelectorAll(selector)) as ChildrenElement[]).filter((e) => !inClaim(e)).slice(0, 5)) {
      const organization = el.closest?.('[itemtype]')?.getAttribute('itemtype') ?? '';
      if (/schema\.org\/(Organization|NewsMediaOrganization|Corporation)$/i.test(organization) && el.closest?.('[itemprop="author"]')) {
        const name = clean(el.textContent);
        if (name && name.length <= 80) return [name];
      }
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

/** Twitter's label/data pairs ("Written by" → "Ellyn Shook"), which several platforms fill in for the author. */
function twitterLabelledAuthor(doc: MetaDocument): string[] {
  for (let i = 1; i <= 4; i++) {
    const label = meta(doc, `twitter:label${i}`);
    if (label && /^(written by|author|by|著者|筆者|作者|글쓴이)$/i.test(label)) return splitAuthors(meta(doc, `twitter:data${i}`) ?? '');
  }
  return [];
}

const DATE_CLASS = '[class*="date" i], [class*="time" i], [class*="publish" i], [class*="posted" i], [class*="byline" i], [class*="meta" i] span, [class*="meta" i] li';
const DATE_BLOCKS = 'span, p, div, li, dd, td, h3, h4, h5, h6, small';

/**
 * A visible date line ("December 14, 2016", "Updated: Dec 15, 2016 2:57 PM UTC",
 * "2019年3月15日 09:43", "By KJ : 2019/04/04"), when the page has no
 * machine-readable date. Short elements after the headline come first: dates
 * before it are usually navigation or other articles.
 */
function visibleDate(doc: MetaDocument, hint: ZoneHint | null): string | null {
  const classed = afterHeadlineFirst(doc, DATE_CLASS).slice(0, 60);
  const blocks = afterHeadlineFirst(doc, DATE_BLOCKS).slice(0, 4000);
  for (const el of [...classed, ...blocks]) {
    // A date line is a leaf or nearly ("2019年04月04日 - <a>12 users</a>"); reading a container's whole text is costly.
    if (((el as unknown as { children?: ArrayLike<unknown> }).children?.length ?? 0) > 2) continue;
    const text = clean(el.textContent);
    if (!text || text.length > 80) continue;
    const date = findDateInText(text, hint);
    if (date) return date;
  }
  return null;
}

/** Elements matching the selector, those after the page's first <h1> first (document order), then those before it. */
function afterHeadlineFirst(doc: MetaDocument, selector: string): MetaElement[] {
  const all = Array.from(doc.querySelectorAll(`h1, ${selector}`));
  const h1 = all.findIndex((el) => el.tagName === 'H1');
  if (h1 < 0) return all;
  const matches = (el: MetaElement): boolean => el.tagName !== 'H1' || (el as unknown as { matches(s: string): boolean }).matches(selector);
  return [...all.slice(h1 + 1), ...all.slice(0, h1)].filter(matches);
}

/** "thehill.com", "www.thehill.com", "thehill": a name derived from the address, not the one the publisher writes. */
const DOMAIN_LIKE = /^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$|^[a-z0-9]+$/;

/** "@politifact": a social-media handle, not the name the publisher writes. */
const HANDLE = /^@[\p{L}\p{N}_.]+$/u;

/**
 * The publisher's name as the page states it (og:site_name, JSON-LD publisher): the first that is not an
 * address-like form or a handle. When the page gives only such forms, the title's last segment
 * ("… | PolitiFact West Virginia") is the name if it begins with the handle's or address's name.
 */
function outletName(candidates: (string | null)[], pageTitle: string | null = null): string | null {
  const names = candidates.map((c) => clean(c)).filter((c): c is string => c !== null && c.length <= 120);
  const stated = names.find((n) => !DOMAIN_LIKE.test(n) && !HANDLE.test(n));
  if (stated) return stated;
  const suffix = pageTitle ? /\s[|\-–—·•»]{1,2}\s+([^|–—·•»]{2,60})$/u.exec(pageTitle.trim())?.[1]?.trim() : undefined;
  const first = names[0];
  if (suffix && first) {
    const short = compact(first.replace(/^@/, '').replace(/^(www\.)?([^.]+)\..*$/i, '$2'));
    if (short.length >= 3 && compact(suffix).startsWith(short)) return suffix;
  }
  return first ? first.replace(HANDLE, (handle) => handle.slice(1)) : null;
}

function savedFromComment(html: string): string | null {
  const match = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html.slice(0, 4096));
  return match?.[1] ?? null;
}

const PUBLISHED_META = [
  'article:published_time', 'article:published', 'og:article:published_time', 'published_time', 'published_at', 'parsely-pub-date', 'sailthru.date', 'datePublished',
  'dc.date.issued', 'dcterms.issued', 'dc.date', 'dcterms.date', 'dc.date.created', 'dcterms.created', 'citation_publication_date', 'citation_date',
  'date', 'pubdate', 'publishdate', 'publish-date', 'publish_date', 'article.published', 'article_date_original', 'OriginalPublicationDate',
  'DisplayDate', 'cxenseparse:recs:publishtime', 'timestamp', 'og:updated_time',
];

/**
 * What every rule may read, worked out once per page: the document, its JSON-LD
 * article (a real article type before WebPage) and organization, the Parse.ly
 * record, the time-zone hint for bare times, and the page's own address.
 */
interface RuleContext {
  doc: MetaDocument;
  rawHtml: string;
  /** JSON-LD article objects (not fact checks), a real article type before WebPage. */
  articles: JsonObject[];
  ldArticle: JsonObject | undefined;
  organization: JsonObject | undefined;
  parsely: JsonObject | null;
  hint: ZoneHint | null;
  /** The URL the page was saved from or says it is at (saved-from comment, <base>, og:url). */
  pageUrl: string | null;
}

/** A field's rules, most trusted first (metascraper's rule bundles): the first that finds a value wins. */
type Rules<T, C = RuleContext> = ReadonlyArray<(context: C) => T | null>;

function firstOf<T, C>(rules: Rules<T, C>, context: C, found: (value: T) => boolean = () => true): T | null {
  for (const rule of rules) {
    const value = rule(context);
    if (value !== null && found(value)) return value;
  }
  return null;
}

function absoluteUrl(value: string | null, against: string | null): string | null {
  if (!value) return null;
  try {
    return against ? new URL(value, against).href : new URL(value).href;
  } catch {
    return null;
  }
}

/** A CMS user name ("mikecason") rather than a name as written. */
const isHandle = (author: string): boolean => /^[\p{Ll}\d._-]+$/u.test(author);

const AUTHOR_RULES: Rules<string[]> = [
  ({ articles }) => articles.flatMap((a) => personNames(a.author ?? a.creator)),
  ({ parsely }) => (parsely ? personNames(parsely.author ?? parsely.authors) : []),
  ({ doc }) => {
    const named = metaAll(doc, 'author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'dcterms.creator', 'citation_author', 'byl',
      'og:article:author', 'cxenseparse:author', 'byline', 'article_author').filter((a) => !/^https?:\/\//i.test(a));
    // A user name is a last resort when another field gives the name as written.
    const written = named.filter((a) => !isHandle(a));
    return (written.length ? written : named).flatMap(splitAuthors);
  },
  ({ doc }) => visibleByline(doc),
  // Platforms fill Twitter's "Written by" with the account that posted, which on newsrooms can be an editor: after the visible byline.
  ({ doc }) => twitterLabelledAuthor(doc),
];

const MODIFIED_RULES: Rules<string> = [
  ({ doc, articles, hint }) =>
    firstDate(
      hint,
      ...articles.map((a) => str(a.dateModified)),
      ...metaAll(doc, 'article:modified_time', 'og:updated_time', 'dateModified', 'last-modified', 'dcterms.modified', 'article.updated', 'article_date_updated'),
    ),
];

interface DateContext extends RuleContext {
  modifiedAt: string | null;
  /** JSON-LD then meta publication dates, as written. */
  declared: (string | null)[];
}

/** Cheapest and most trusted first; the document scans at the end run only when the page's metadata has no date. */
const PUBLISHED_RULES: Rules<string, DateContext> = [
  ({ hint, modifiedAt, declared }) => earlierThanModified(hint, modifiedAt, declared),
  ({ doc, hint, declared, parsely }) => firstDate(hint, ...declared, meta(doc, 'og:updated_time'), parsely ? str(parsely.pub_date) : null),
  ({ doc, hint }) =>
    firstDate(
      hint,
      ...Array.from(doc.querySelectorAll('[itemprop="datePublished"]'))
        .filter((el) => el.tagName !== 'META')
        .map((el) => el.getAttribute('content') ?? el.getAttribute('datetime') ?? el.textContent),
    ),
  ({ doc, hint }) =>
    firstDate(
      hint,
      ...[
        ...Array.from(doc.querySelectorAll('time[itemprop="datePublished"], time[pubdate], time[data-published]')),
        // The first <time> after the headline is the article's; those before it belong to navigation or other stories.
        ...afterHeadlineFirst(doc, 'time, relative-time, local-time, time-ago').filter((el) => el.getAttribute('datetime')),
      ]
        .slice(0, 6)
        .map((el) => el.getAttribute('datetime') ?? el.getAttribute('data-published') ?? el.textContent),
    ),
  ({ doc, hint }) => visibleDate(doc, hint),
];

const PAGE_URL_RULES: Rules<string, Pick<RuleContext, 'doc' | 'rawHtml'>> = [
  ({ rawHtml }) => absoluteUrl(savedFromComment(rawHtml), null),
  ({ doc }) => absoluteUrl(doc.querySelector('base[href]')?.getAttribute('href') ?? null, null),
  ({ doc }) => absoluteUrl(meta(doc, 'og:url', 'twitter:url', 'parsely-link'), null),
];

const isWebUrl = (url: string): boolean => /^https?:/i.test(url);

const CANONICAL_URL_RULES: Rules<string> = [
  ({ doc, pageUrl }) => absoluteUrl(doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null, pageUrl),
  ({ doc }) => absoluteUrl(meta(doc, 'og:url', 'twitter:url', 'parsely-link'), null),
  ({ ldArticle }) => absoluteUrl(str(ldArticle?.url), null),
];

/** The lead image as the page wrote it, every candidate, best first (a saved page's copy is looked up by these). */
function leadImageCandidates({ doc, ldArticle }: RuleContext): string[] {
  return [
    ...metaAll(doc, 'og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src', 'parsely-image-url', 'sailthru.image.full'),
    str(ldArticle?.image ?? ldArticle?.thumbnailUrl),
  ].filter((v, i, all): v is string => v !== null && all.indexOf(v) === i);
}

function ruleContext(doc: MetaDocument, rawHtml: string): RuleContext {
  const ld = jsonLdObjects(doc);
  const isWebPage = (o: JsonObject): number => Number(typesOf(o).some((t) => /^WebPage$/i.test(t)));
  const articles = ld
    .filter((o) => typesOf(o).some((t) => ARTICLE_TYPES.test(t)) && !typesOf(o).some((t) => CLAIM_TYPES.test(t)))
    .sort((a, b) => isWebPage(a) - isWebPage(b));
  const declaredLang = clean(doc.documentElement?.getAttribute('lang')) ?? meta(doc, 'og:locale', 'content-language', 'language');
  // Kana is only written in Japanese: a page titled in it without a declared language is Japanese.
  const title = clean(doc.querySelector('title')?.textContent) ?? '';
  return {
    doc,
    rawHtml,
    articles,
    ldArticle: articles[0],
    organization: ld.find((o) => typesOf(o).some((t) => /^(NewsMediaOrganization|Organization|WebSite)$/i.test(t))),
    parsely: parselyPage(doc),
    hint: zoneHintForLanguage(declaredLang ?? (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(title) ? 'ja' : null)),
    pageUrl: firstOf(PAGE_URL_RULES, { doc, rawHtml }),
  };
}

export function extractMetadata(doc: MetaDocument, rawHtml: string): PageMetadata {
  const context = ruleContext(doc, rawHtml);
  const { ldArticle, organization, pageUrl } = context;
  const authors = [...new Set(firstOf(AUTHOR_RULES, context, (names) => names.length > 0) ?? [])];
  const modifiedAt = firstOf(MODIFIED_RULES, context);
  const declared = [
    str(ldArticle?.datePublished),
    ...context.articles.map((a) => str(a.datePublished ?? a.dateCreated ?? a.uploadDate)),
    ...metaAll(doc, ...PUBLISHED_META.filter((key) => key !== 'og:updated_time')),
  ];
  const publishedAt = firstOf(PUBLISHED_RULES, { ...context, modifiedAt, declared });
  const canonicalUrl = firstOf(CANONICAL_URL_RULES, context, isWebUrl);
  const candidates = leadImageCandidates(context);
  return {
    title: clean(str(ldArticle?.headline)) ?? meta(doc, 'og:title', 'twitter:title', 'parsely-title', 'sailthru.title', 'dc.title', 'citation_title'),
    authors,
    siteName: outletName([
      meta(doc, 'og:site_name'),
      str(ldArticle?.publisher),
      str(organization?.name),
      ...metaAll(doc, 'application-name', 'al:android:app_name', 'al:iphone:app_name', 'cre', 'twitter:site:name'),
    ], clean(doc.querySelector('title')?.textContent ?? null)),
    publishedAt,
    modifiedAt,
    canonicalUrl,
    lang:
      clean(doc.documentElement?.getAttribute('lang')) ??
      meta(doc, 'og:locale', 'content-language', 'dc.language', 'language', 'inLanguage') ??
      str(ldArticle?.inLanguage),
    excerpt: meta(doc, 'description', 'og:description', 'twitter:description', 'dc.description', 'sailthru.description') ?? str(ldArticle?.description),
    leadImageUrl: absoluteUrl(candidates[0] ?? null, pageUrl ?? canonicalUrl),
    leadImageCandidates: candidates,
    savedFromUrl: pageUrl,
  };
}

/** Compared without case, spaces, punctuation or a leading "the" (applied to both sides alike). */
const compact = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '').replace(/^the/, '');

/**
 * "Harbour dredging | TheHill" → "Harbour dredging" when the part after the
 * last separator is the site's name (as the page states it, or the address's
 * name: "thehill.com" → "thehill"), compared without case, spaces or
 * punctuation. A title that is only the site name is kept.
 */
export function titleWithoutSiteName(title: string, siteNames: readonly (string | null | undefined)[]): string {
  const match = /^(.*\S)\s+[|\-–—·•:»]{1,2}\s+([^|–—·•»]{1,60})$/u.exec(title);
  if (!match) return title;
  const suffix = compact(match[2]!);
  if (suffix === '') return title;
  const names = siteNames
    .filter((n): n is string => typeof n === 'string' && n.trim() !== '')
    .flatMap((n) => [compact(n), compact(n.replace(/^(www\.)?([^.]+)\..*$/i, '$2'))]);
  return names.includes(suffix) ? match[1]! : title;
}
