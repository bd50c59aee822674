/**
 * Page furniture that Readability keeps inside an article body because it
 * sits in the same container as the text: image captions and credits, gallery
 * counters, author bio boxes, "related stories" lists and promo links, byline
 * and contact trailers, press-release company boilerplate. Each rule is about
 * the STRUCTURE of news pages in general (a figcaption, a list of links to the
 * same site, a trailing "About the author" section), never about one site.
 *
 * Runs on linkedom documents: on the full page before Readability (related
 * sections, which otherwise win Readability's scoring on listing-like pages)
 * and on Readability's output, which keeps classes for this step only (the
 * sanitizer strips them afterwards).
 */

type El = Element;

const normalize = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();
const wordCount = (text: string): number => (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;

/** Headings that introduce links to OTHER articles, in the languages clipped most often. The whole heading must be the phrase. */
const RELATED_HEADING = new RegExp(
  '^(' +
    [
      'related( (posts?|articles?|stories|story|content|news|reading|coverage|links|videos?))?',
      'you (may|might|could) (also )?(like|enjoy|be interested in)',
      'more (stories|articles|news|to read|from [\\p{L}\\p{N}\\s]{1,30}|on this( topic| story)?|like this)',
      'recommended( (for you|stories|articles|reading))?',
      'read (next|more|also|this next)',
      '(also|further) read(ing)?',
      '(most|top) (read|popular|viewed|shared)( (posts|articles|stories|now|today|this week))?',
      'popular (posts|articles|stories)',
      'trending( now| stories)?',
      "(what to read next|up next|don'?t miss|editor'?s picks)",
      'você (também )?pode gostar',
      'leia (também|mais)',
      'veja também',
      '(posts|artigos|matérias|notícias) relacionad[oa]s',
      'mais lid[oa]s',
      '(también )?te puede interesar',
      '(artículos|noticias|entradas) relacionad[oa]s',
      'lo más leído',
      '(à )?lire aussi',
      'articles (similaires|liés)',
      'sur le même sujet',
      'vous aimerez aussi',
      'das könnte sie auch interessieren',
      'lesen sie auch',
      'mehr zum thema',
      'ähnliche artikel',
      '関連記事',
      'あわせて読みたい',
      'おすすめ記事',
      '人気記事',
      '관련 ?기사',
      '相关(文章|阅读|新闻)',
    ].join('|') +
    ')\\s*[.:…!]*$',
  'iu',
);

/**
 * Before Readability: a section that opens with a "related" heading and holds
 * several links, and that does not hold the page's headline, is a list of
 * other articles (often with their full teasers, which outscore a short post).
 */
export function removeRelatedSections(document: Document): number {
  const headline = document.querySelector('h1');
  const bodyWords = wordCount(document.body?.textContent ?? '');
  let removed = 0;
  for (const heading of headingsOf(document)) {
    const text = heading.textContent ?? '';
    if (text.length > 80 || !RELATED_HEADING.test(normalize(text)) || !heading.isConnected) continue;
    const container = heading.parentElement;
    if (!container || /^(BODY|HTML|MAIN)$/.test(container.tagName)) continue;
    // The heading opens the section: it is the first element child with text.
    const firstWithText = Array.from(container.children).find((c) => normalize(c.textContent) !== '');
    if (firstWithText !== heading) continue;
    if (container.querySelectorAll('a[href]').length < 2) continue;
    if (headline && container.contains(headline)) continue;
    if (!headline && wordCount(container.textContent ?? '') > 0.6 * bodyWords) continue;
    container.remove();
    removed++;
  }
  return removed;
}

const CAPTION_MARK = 'data-dossier-caption';

/**
 * Before Readability: marks caption and credit elements by class ("caption",
 * "media-caption__text", "newsCaption", "image-credit"), and the lone <p>
 * inside one, because Readability replaces a <div class="caption"> holding
 * one <p> by that <p> and loses the class. Marking (not removing) leaves
 * Readability's scoring of the page exactly as it was.
 */
export function markCaptionElements(root: ParentNode): void {
  for (const el of Array.from(root.querySelectorAll('[class]'))) {
    if (!/caption|credit/i.test(el.getAttribute('class') ?? '') || !isCaptionClass(el)) continue;
    el.setAttribute(CAPTION_MARK, '');
    const only = el.children.length === 1 ? el.children[0] : undefined;
    if (only?.tagName === 'P') only.setAttribute(CAPTION_MARK, '');
  }
}

/**
 * Caption and credit elements (by class, or marked before Readability). A
 * wrapper that holds the image itself ("wp-caption") is left alone: only its
 * text part goes.
 */
function removeCaptionElements(root: ParentNode): string[] {
  const removed: string[] = [];
  for (const el of Array.from(root.querySelectorAll('[class], [data-dossier-caption]'))) {
    if (!el.hasAttribute(CAPTION_MARK) && (!/caption|credit/i.test(el.getAttribute('class') ?? '') || !isCaptionClass(el))) continue;
    if (!el.isConnected || el.querySelector('img, picture, figure, video, iframe, table')) continue;
    const text = normalize(el.textContent);
    if (text.length > 400 || (el.querySelectorAll('p, li').length > 1 && text.length > 200) || el.querySelector('h1, h2, h3, h4')) continue;
    if (text) removed.push(text);
    el.remove();
  }
  return removed;
}

const HEADING_TAGS = new Set(['H2', 'H3', 'H4', 'H5', 'H6']);
/** h2–h6 in document order, from one walk (cheaper on linkedom than a selector list). */
function headingsOf(document: Document): Element[] {
  return Array.from(document.querySelectorAll('*')).filter((el) => HEADING_TAGS.has(el.tagName));
}
/** A cheap test before the token-by-token one. */
const AUTHOR_CLASS_HINT = /author|contributor|writer|bio/i;

/**
 * Author bio boxes by class. Runs before Readability too, which turns a
 * one-paragraph <div> into its <p> and loses the class. A bio is sentences
 * (a bare byline box is left for the byline rules and Readability).
 */
export function removeAuthorBoxes(root: ParentNode): number {
  let removed = 0;
  for (const el of Array.from(root.querySelectorAll('[class]'))) {
    if (!AUTHOR_CLASS_HINT.test(el.getAttribute('class') ?? '') || !isAuthorBoxClass(el) || !el.isConnected) continue;
    const text = normalize(el.textContent);
    if (text.length > 800 || wordCount(text) < 12) continue;
    el.remove();
    removed++;
  }
  return removed;
}

export interface BoilerplateContext {
  /** The authors found in the page's metadata: a block that only names them is a byline. */
  authors: readonly string[];
  /** The page's URL: lists of links back to the same site are "related" lists. */
  baseUrl: string | null;
}

/** A class token that names a caption or a credit ("caption", "media-caption__text", "newsCaption", "image-credit"), not "withoutCaption". */
function isCaptionClass(el: El): boolean {
  const tokens = (el.getAttribute('class') ?? '').split(/\s+/).filter(Boolean);
  return tokens.some(
    (t) => !/^(no|without|with|has)[-_]?caption/i.test(t) && /(^|[-_])(caption|captions|credit|credits|photocredit|imagecredit)($|[-_])|[a-z](Caption|Credit)s?$/.test(t),
  );
}

/** A class token for an author bio box ("author-bio", "about-author", "author_box", "contributor-info"). */
function isAuthorBoxClass(el: El): boolean {
  const tokens = (el.getAttribute('class') ?? '').split(/\s+/).filter(Boolean);
  return tokens.some((t) => /(^|[-_])(author|contributor|writer)[-_]?(bio|box|info|card|profile|details|about|block|footer)s?$|(^|[-_])about[-_]?(the[-_]?)?author$|^bio[-_]?box$/i.test(t));
}

function hostOf(url: string | null | undefined, base: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url, base ?? undefined).hostname.replace(/^www\./, '').toLowerCase();
  } catch {
    return null;
  }
}

/** The text of an element that sits inside links, as a share of all its text. */
function linkShare(el: El): number {
  const total = normalize(el.textContent).length;
  if (total === 0) return 0;
  const linked = Array.from(el.querySelectorAll('a')).reduce((n, a) => n + normalize(a.textContent).length, 0);
  return Math.min(1, linked / total);
}

/** A paragraph that is nothing but one link to another page, headline-length: a promo for another article. */
function isLoneLinkParagraph(el: El, text: string, baseUrl: string | null): boolean {
  if (text.length > 200 || wordCount(text) < 4) return false;
  const links = el.querySelectorAll('a[href]');
  if (links.length !== 1 || normalize(links[0]!.textContent) !== text) return false;
  // A call to action ("Click for the full results", "Download the report") points at the story's own material.
  if (/^(click|tap|download|view|see|read the|watch the|listen to the|get the full)\b/i.test(text)) return false;
  // Links to other sites (sources, products) are part of the story; promos point back to the same site.
  const pageHost = hostOf(baseUrl, null);
  return pageHost !== null && hostOf(links[0]!.getAttribute('href'), baseUrl) === pageHost;
}

const PROMO_LABEL = /^(related( (articles?|stories|content|coverage|links))?|read more|see more|more|also read|read also|read next|don'?t miss|must read|watch|listen|recommended|further reading|more on this( story)?|more from [\p{L}\s]{1,30}|leia também|veja também|lire aussi|lesen sie auch)\b\s*[:|\-–—»]?\s*/iu;

function textWithBreaks(el: El): string {
  return el.innerHTML
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#160|nbsp);/g, ' ')
    .replace(/&(#39|apos);/g, "'")
    .replace(/&amp;/g, '&');
}

/** "SEE MORE: <link>", "Related: <link>": a label followed only by links. */
function isLabelledPromo(el: El): boolean {
  // A <br> separates the label from the links ("DON'T MISS<br><a>…"): read it as a space.
  const text = el.querySelector('br') ? normalize(textWithBreaks(el)) : normalize(el.textContent);
  const label = PROMO_LABEL.exec(text);
  if (!label || text.length > 300) return false;
  const rest = text.slice(label[0].length);
  if (rest === '') return true;
  // "Read more about it here." is a sentence; a promo sets its label off ("SEE MORE: …", "Related | …", "DON'T MISS <links>").
  const shouted = /\p{Lu}/u.test(label[0]) && label[0] === label[0].toUpperCase();
  if (!/[:|\-–—»]\s*$/.test(label[0]) && !shouted) return false;
  const linked = Array.from(el.querySelectorAll('a')).reduce((n, a) => n + normalize(a.textContent).length, 0);
  return linked >= 0.8 * rest.replace(/\[[^\]]{0,20}\]|[|·•]/g, '').trim().length;
}

/** A list whose every item is one link, headline-length, to the same site: "more stories" at the foot of an article. */
function isSameSiteLinkList(list: El, baseUrl: string | null): boolean {
  const items = Array.from(list.children).filter((c) => c.tagName === 'LI');
  if (items.length < 2) return false;
  const pageHost = hostOf(baseUrl, null);
  return items.every((li) => {
    const links = li.querySelectorAll('a[href]');
    if (links.length !== 1 || normalize(links[0]!.textContent) !== normalize(li.textContent) || wordCount(normalize(li.textContent)) < 3) return false;
    const host = hostOf(links[0]!.getAttribute('href'), baseUrl);
    return pageHost !== null && host === pageHost;
  });
}

const CONTACT_TRAILER =
  /^(email|e-mail|contact|reach|write to|follow|tweet)\b.{0,200}(@|\b(twitter|facebook|instagram)\b)|^join (our|the) .{0,60}\b(forums?|community|conversation|discussion)\b|^(you can )?follow (him|her|them|me|us|the author)\b.{0,120}$/i;

/** A contact line about the writer or the outlet ("follow him", "Email Jane Doe at"), not an address the story gives readers. */
function isAboutTheWriter(text: string, authors: readonly string[]): boolean {
  const lower = text.toLowerCase();
  return /\b(him|her|them|me|us|our|the (author|reporter|writer|columnist))\b/i.test(text) || authors.some((a) => a && lower.includes(a.toLowerCase()));
}

/** "By Jane Doe", "JANE DOE", "By Jane Doe and John Roe on Monday, Nov 18": a block that only names the article's authors. */
function isBylineBlock(text: string, authors: readonly string[]): boolean {
  if (text.length > 160 || authors.length === 0) return false;
  const lower = text.toLowerCase();
  const stripped = lower.replace(/^(written |words |story |text |reporting )?by[:\s]+/, '').replace(/[^\p{L}\p{N}\s]/gu, ' ').replace(/\s+/g, ' ').trim();
  const names = authors.map((a) => a.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, ' ').replace(/\s+/g, ' ').trim()).filter(Boolean);
  if (names.length === 0) return false;
  let rest = stripped;
  for (const name of names) rest = rest.replace(name, ' ');
  rest = rest.replace(/\b(and|with|&)\b/g, ' ').trim();
  if (rest === '') return true;
  // "By <names> on/at <date>" or "By <names> | <role>": a "By" line naming every author with a short tail.
  return /^(written |words |story |text )?by\b/i.test(text) && names.every((n) => stripped.includes(n)) && wordCount(rest) <= 12 && /\d/.test(rest);
}

/** Removes the element and everything after it in the article (a trailing section). */
function removeToEnd(el: El, root: El): void {
  let node: El | null = el;
  while (node && node !== root) {
    while (node.nextSibling) node.nextSibling.remove();
    const parent: El | null = node.parentElement;
    if (node === el) node.remove();
    node = parent;
  }
}

/** Text that follows the element to the end of the article. */
function wordsAfter(el: El, root: El): number {
  let words = 0;
  let node: El | null = el;
  while (node && node !== root) {
    for (let sib = node.nextElementSibling; sib; sib = sib.nextElementSibling) words += wordCount(sib.textContent ?? '');
    node = node.parentElement;
  }
  return words;
}

const COMPANY_BOILERPLATE = /^(about\s+\S.{0,60}?\s+)?[\p{Lu}\p{N}][\p{L}\p{N}&.'’-]*(\s+[\p{Lu}\p{N}&][\p{L}\p{N}&.'’-]*){0,4},?\s+(\([^)]{1,40}\)\s+)?(is|are)\s+(a|an|the|one of)\b/u;
const ABOUT_AUTHOR_HEADING = /^about (the )?(authors?|writers?|contributors?)[.:]?$/i;

/** A hover card's last word: the "MORE" link that opens the full profile ("… MORE", "More »"). */
const HOVER_CARD_END = /\bmore\s*[»›>…]*$/i;

/**
 * Hover cards: the profile box a page shows when the pointer rests on a linked
 * name ("<a>Kristi Noem</a><span>Kristi Lynn Noem … MORE</span>"). In the
 * saved markup the card sits right after the link with nothing between them,
 * starts with the name's first word and ends with a "MORE" link; clipped as
 * is, the body reads "Kristi NoemKristi Lynn Noem… MORE".
 */
function removeHoverCards(root: El): string[] {
  const removed: string[] = [];
  for (const link of Array.from(root.querySelectorAll('a'))) {
    const card = link.nextSibling;
    if (!card || card.nodeType !== 1) continue;
    const name = normalize(link.textContent);
    const text = normalize(card.textContent);
    const firstWord = name.split(' ')[0] ?? '';
    if (firstWord.length < 2 || text.length > 600 || !text.startsWith(firstWord) || text === name || !HOVER_CARD_END.test(text)) continue;
    removed.push(text);
    (card as El).remove();
  }
  return removed;
}

const CONTAINER_CHILD = new Set(['P', 'DIV', 'UL', 'OL', 'H2', 'H3', 'H4', 'FIGURE', 'IMG', 'SECTION', 'ARTICLE', 'TABLE', 'BLOCKQUOTE']);

/** After Readability: removes furniture from the article body (in place). Returns the texts removed. */
export function stripArticleBoilerplate(root: El, context: BoilerplateContext): string[] {
  const removed: string[] = [];
  const drop = (el: El): void => {
    const text = normalize(el.textContent);
    if (text) removed.push(text);
    el.remove();
  };
  const totalWords = wordCount(root.textContent ?? '');

  // Captions and credits: kept on the image (its title) for the reader, left out of the article's text.
  for (const caption of Array.from(root.querySelectorAll('figcaption'))) {
    if (!caption.isConnected) continue;
    const img = caption.closest('figure')?.querySelector('img');
    const text = normalize(caption.textContent);
    if (img && text && !img.getAttribute('title')) img.setAttribute('title', text);
    drop(caption);
  }
  for (const text of removeCaptionElements(root)) removed.push(text);

  for (const text of removeHoverCards(root)) removed.push(text);

  // Author bio boxes: by class (see removeAuthorBoxes) or under an "About the author" heading at the foot of the article.
  removeAuthorBoxes(root);
  for (const heading of Array.from(root.querySelectorAll('h2, h3, h4, h5, h6, p, div'))) {
    if (!heading.isConnected || !ABOUT_AUTHOR_HEADING.test(normalize(heading.textContent))) continue;
    if (wordsAfter(heading, root) <= Math.max(150, 0.25 * totalWords)) {
      removed.push(normalize(heading.textContent));
      removeToEnd(heading, root);
    }
  }

  // Company boilerplate at the foot of a press release, set off by a rule: "<Name> is a global provider of …".
  const rules = Array.from(root.querySelectorAll('hr'));
  const lastRule = rules[rules.length - 1];
  if (lastRule) {
    const after = wordsAfter(lastRule, root);
    let next: El | null = lastRule.nextElementSibling;
    while (next && normalize(next.textContent) === '') next = next.nextElementSibling;
    const firstText = normalize(next?.textContent);
    if (after > 0 && after <= Math.max(200, 0.3 * totalWords) && COMPANY_BOILERPLATE.test(firstText)) {
      removed.push(firstText);
      removeToEnd(lastRule, root);
    }
  }

  // Promo links for other articles, and "more stories" lists.
  const blocks = Array.from(root.querySelectorAll('p, div, li, h2, h3, h4, h5, h6, ul, ol'));
  for (const el of blocks) {
    if (!el.isConnected) continue;
    if (el.tagName === 'UL' || el.tagName === 'OL') {
      if (isSameSiteLinkList(el, context.baseUrl)) drop(el);
      continue;
    }
    // Only blocks that hold text directly: a container's text is judged through its own blocks (and reading it is costly).
    if (el.tagName === 'DIV' && Array.from(el.children).some((c) => CONTAINER_CHILD.has(c.tagName))) continue;
    const text = normalize(el.textContent);
    if (!text) continue;
    if (el.tagName !== 'LI' && isLoneLinkParagraph(el, text, context.baseUrl)) {
      drop(el);
      continue;
    }
    if (text.length <= 300 && isLabelledPromo(el)) {
      // A bare label ("DON'T MISS") takes the link block that follows it along.
      const next = el.nextElementSibling;
      if (PROMO_LABEL.exec(text)?.[0].length === text.length && next && linkShare(next) >= 0.6) drop(next);
      if (text.length <= 300 && (linkShare(el) > 0 || PROMO_LABEL.exec(text)?.[0].length === text.length)) drop(el);
      continue;
    }
    if (text.length <= 300 && CONTACT_TRAILER.test(text) && isAboutTheWriter(text, context.authors) && wordsAfter(el, root) <= 120) {
      drop(el);
      continue;
    }
    if (text.length <= 160 && isBylineBlock(text, context.authors)) drop(el);
  }
  return removed;
}
