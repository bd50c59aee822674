/**
 * THE rule for "is this clip a changed copy of an article already in the
 * library?" (#14: a pasted update must be offered as a new version, not
 * silently become a second article). Pure and offline; the clip service
 * feeds it candidates from the library.
 *
 * - Same web address (after normalizing what does not name a different page:
 *   case of the host, "www.", the fragment, a trailing slash, tracking
 *   parameters) → a match.
 * - Otherwise the titles must be alike (word Dice coefficient ≥ TITLE_MIN, so
 *   an update's longer headline still matches) AND the texts must share most of
 *   their wording: the share of the shorter text's 4-word shingles found in the
 *   other ≥ TEXT_MIN, while neither is under SIZE_RATIO_MIN of the other (one
 *   paragraph quoted from a long article is not a copy of it).
 */
export const TITLE_MIN = 0.6;
export const TEXT_MIN = 0.6;
export const SIZE_RATIO_MIN = 0.25;
const SHINGLE = 4;

const TRACKING_PARAM = /^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|smid|ref|src)$/i;

/** A URL reduced to what names the page; null when it is not an http(s) URL. */
export function normalizeUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const params = [...url.searchParams].filter(([key]) => !TRACKING_PARAM.test(key)).sort(([a], [b]) => a.localeCompare(b));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const path = url.pathname.replace(/\/+$/, '') || '/';
  return `${host}${url.port ? `:${url.port}` : ''}${path}${query}`;
}

export function sameUrl(a: string | null | undefined, b: string | null | undefined): boolean {
  const left = normalizeUrl(a);
  return left !== null && left === normalizeUrl(b);
}

/** Lower-case words without accents: "Venezuela’s Strikes" and "venezuelas strikes" compare equal. */
export function words(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/['’]/g, '')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** Dice coefficient of the two titles' word sets, 0..1. */
export function titleSimilarity(a: string, b: string): number {
  const left = new Set(words(a));
  const right = new Set(words(b));
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared += 1;
  return (2 * shared) / (left.size + right.size);
}

function shingles(text: string): Set<string> {
  const list = words(text);
  const out = new Set<string>();
  if (list.length < SHINGLE) {
    if (list.length) out.add(list.join(' '));
    return out;
  }
  for (let i = 0; i + SHINGLE <= list.length; i += 1) out.add(list.slice(i, i + SHINGLE).join(' '));
  return out;
}

/** How much of the shorter text's wording is in the other (0..1), and how their sizes compare (0..1). */
export function textOverlap(a: string, b: string): { overlap: number; sizeRatio: number } {
  const left = shingles(a);
  const right = shingles(b);
  const [small, large] = left.size <= right.size ? [left, right] : [right, left];
  if (small.size === 0) return { overlap: 0, sizeRatio: 0 };
  let shared = 0;
  for (const shingle of small) if (large.has(shingle)) shared += 1;
  return { overlap: shared / small.size, sizeRatio: small.size / large.size };
}

export interface ClipForMatch {
  url: string | null;
  title: string;
  text: string;
}

export type VersionMatchReason = 'url' | 'similar';

/** Why `clip` is a changed copy of `existing`, or null. `similarity` is the text overlap (1 for a URL match). */
export function matchVersion(clip: ClipForMatch, existing: ClipForMatch): { reason: VersionMatchReason; similarity: number } | null {
  if (sameUrl(clip.url, existing.url)) return { reason: 'url', similarity: 1 };
  if (titleSimilarity(clip.title, existing.title) < TITLE_MIN) return null;
  const { overlap, sizeRatio } = textOverlap(clip.text, existing.text);
  if (overlap < TEXT_MIN || sizeRatio < SIZE_RATIO_MIN) return null;
  return { reason: 'similar', similarity: overlap };
}
