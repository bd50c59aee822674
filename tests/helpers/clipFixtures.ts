import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { BLOCK_ELEMENTS } from '../../shared/text/normalizedText';
import { FIXTURES } from './fixtures';

export { FIXTURES, HAVE_FIXTURES, NO_FIXTURES_REASON } from './fixtures';

/** The fixture README's scoring: lowercase runs of Unicode letters/digits/marks, F1 over the bag of tokens. */
export function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
}

export function tokenF1(extracted: string, expected: string): { precision: number; recall: number; f1: number } {
  const a = tokens(extracted);
  const b = tokens(expected);
  if (a.length === 0 && b.length === 0) return { precision: 1, recall: 1, f1: 1 };
  const counts = new Map<string, number>();
  for (const t of b) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of a) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      common++;
      counts.set(t, n - 1);
    }
  }
  const precision = a.length ? common / a.length : 0;
  const recall = b.length ? common / b.length : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/**
 * expected.html's text exactly as the fixture README scores it: all of its text
 * (MathML and SVG text included; only script and style left out), with a space
 * inserted after every block element. Not the anchoring rule, which skips math.
 */
export function htmlText(html: string): string {
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`);
  for (const skipped of Array.from(document.querySelectorAll('script, style'))) skipped.remove();
  for (const element of Array.from(document.body.querySelectorAll('*'))) {
    if (BLOCK_ELEMENTS.has(element.nodeName.toUpperCase()) || element.nodeName.toUpperCase() === 'BR') element.after(document.createTextNode(' '));
  }
  return (document.body.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export interface ReadabilityCase {
  name: string;
  source: Buffer;
  expectedText: string;
  expectedMeta: { title?: string; byline?: string | null; publishedTime?: string | null; siteName?: string | null; lang?: string | null };
}

export function readabilityCases(): ReadabilityCase[] {
  const dir = join(FIXTURES, 'readability');
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ({
      name: d.name,
      source: readFileSync(join(dir, d.name, 'source.html')),
      expectedText: htmlText(readFileSync(join(dir, d.name, 'expected.html'), 'utf8')),
      expectedMeta: JSON.parse(readFileSync(join(dir, d.name, 'expected-metadata.json'), 'utf8')) as ReadabilityCase['expectedMeta'],
    }));
}

export interface ScrapinghubCase {
  id: string;
  bytes: Buffer;
  url: string;
  articleBody: string;
}

export function scrapinghubCases(): ScrapinghubCase[] {
  const dir = join(FIXTURES, 'scrapinghub');
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url: string }>;
  return Object.entries(truth)
    .filter(([id]) => existsSync(join(dir, 'html', `${id}.html.gz`)))
    .map(([id, t]) => ({ id, bytes: readFileSync(join(dir, 'html', `${id}.html.gz`)), url: t.url, articleBody: t.articleBody }));
}

export interface PostlightCase {
  fixture: string;
  url: string;
  bytes: Buffer;
  title: string | null;
  author: string | null;
  datePublished: string | null;
}

export function postlightCases(): PostlightCase[] {
  const dir = join(FIXTURES, 'postlight');
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as { fixture: string; url: string; title: string | null; author: string | null; date_published: string | null }[];
  return truth
    .filter((t) => existsSync(join(dir, t.fixture)))
    .map((t) => ({ fixture: t.fixture, url: t.url, bytes: readFileSync(join(dir, t.fixture)), title: t.title, author: t.author, datePublished: t.date_published }));
}

function simplifyName(name: string): string {
  return name.toLowerCase().replace(/^\s*by\s+/, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Author match: the same names, ignoring case, punctuation and a leading "By"; several authors match in any order. */
export function authorMatches(found: string | null | undefined, expected: string | null): boolean {
  if (!expected) return false;
  if (!found) return false;
  const split = (s: string): string[] => s.split(/\s*(?:,|;|\band\b|&)\s*/i).map(simplifyName).filter(Boolean).sort();
  return split(found).join('|') === split(expected).join('|') || simplifyName(found) === simplifyName(expected);
}

/** Date match: the same calendar day in UTC (a date-only value counts as that day). */
export function dateMatches(found: string | null | undefined, expected: string | null): boolean {
  if (!expected || !found) return false;
  const day = (value: string): string | null => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? null : new Date(ms).toISOString().slice(0, 10);
  };
  const a = day(found);
  return a !== null && a === day(expected);
}
