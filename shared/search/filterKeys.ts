import { normalizeLabel } from '../highlights/labels';
import { READING_STATES, type Filter, type ReadingState, type SearchType } from './query';

/** What a filter's value becomes: a filter, the types it selects (type:), or a message saying what is wrong. */
export type ParsedFilter = Filter | { types: SearchType[] } | { message: string };

/**
 * One filter key of the search syntax. FILTER_KEYS is THE list: the parser
 * recognises exactly these keys, suggests the nearest one for a misspelt
 * key, and the search box's help (`?`) lists them with their examples.
 *
 * Adding a key: add an entry here (its `parse` returns a Filter; add the
 * Filter kind in query.ts), then say in db/repositories/search.ts what it
 * means for each kind of item (the compiler names every missing case).
 */
export interface FilterKey {
  key: string;
  /** The value is what followed the colon, unquoted and trimmed, never empty. */
  parse(value: string, negated: boolean): ParsedFilter;
  help: { example: string; meaning: string };
}

const text =
  (kind: Extract<Filter, { value: string }>['kind']) =>
  (value: string, negated: boolean): ParsedFilter => ({ kind, value, negated }) as Filter;

export const FILTER_KEYS: readonly FilterKey[] = [
  { key: 'type', parse: parseType, help: { example: 'type:note', meaning: 'article, note, quote, attribution, figure or date' } },
  { key: 'tag', parse: text('tag'), help: { example: 'tag:"foreign desk"', meaning: 'items with this tag' } },
  { key: 'project', parse: text('project'), help: { example: 'project:venez', meaning: 'items of a project (its name or the start of it)' } },
  { key: 'site', parse: text('site'), help: { example: 'site:nytimes.com', meaning: 'articles from a site' } },
  { key: 'author', parse: text('author'), help: { example: 'author:pérez', meaning: 'articles by an author' } },
  { key: 'before', parse: (v, n) => parseDate('before', v, n), help: { example: 'before:2024-03', meaning: 'published (or written) before a day, month or year' } },
  { key: 'after', parse: (v, n) => parseDate('after', v, n), help: { example: 'after:2023', meaning: 'published (or written) after a day, month or year' } },
  { key: 'is', parse: parseIs, help: { example: 'is:unread', meaning: 'articles that are unread, read, archived or starred' } },
  { key: 'speaker', parse: text('speaker'), help: { example: 'speaker:rubio', meaning: 'attributed quotes by a speaker' } },
  { key: 'entity', parse: text('entity'), help: { example: 'entity:"Tren de Aragua"', meaning: 'articles and facts naming a person, organisation or place' } },
  // Stored labels are normalized by the same rule: Verify, "on  record" find verify, on record.
  { key: 'label', parse: (v, n) => ({ kind: 'label', value: normalizeLabel(v), negated: n }), help: { example: 'label:verify', meaning: 'highlights with a label (only highlights match)' } },
];

const BY_KEY = new Map(FILTER_KEYS.map((k) => [k.key, k]));

export function filterKey(name: string): FilterKey | undefined {
  return BY_KEY.get(name.toLowerCase());
}

/** The keys as the help and error messages write them: "tag:, project:, …". */
export function filterKeyList(): string {
  return FILTER_KEYS.map((k) => `${k.key}:`).join(', ');
}

/** The other syntax, for the help beside the filter keys. */
export const SEARCH_SYNTAX_HELP: ReadonlyArray<{ example: string; meaning: string }> = [
  { example: 'dredging contract', meaning: 'items with every word' },
  { example: '"shell company"', meaning: 'an exact phrase' },
  { example: 'launder*', meaning: 'words starting with…' },
  { example: 'sinaloa OR jalisco', meaning: 'either word' },
  { example: '-mexico', meaning: 'leave out items with a word (also -tag:draft)' },
];

const TYPE_NAMES: Record<string, SearchType> = {
  note: 'note',
  article: 'article',
  clip: 'article',
  source: 'article',
  quote: 'quote',
  passage: 'quote',
  highlight: 'quote',
  attribution: 'attribution',
  said: 'attribution',
  figure: 'figure',
  number: 'figure',
  date: 'date',
};

function parseType(value: string): ParsedFilter {
  const v = value.toLowerCase();
  const type = TYPE_NAMES[v] ?? TYPE_NAMES[v.replace(/s$/u, '')];
  return type ? { types: [type] } : { message: `type: can be note, article, quote, attribution, figure or date (not "${shorten(value)}").` };
}

function parseIs(value: string, negated: boolean): ParsedFilter {
  const v = value.toLowerCase();
  if (v === 'starred' || (READING_STATES as readonly string[]).includes(v)) return { kind: 'is', value: v as ReadingState | 'starred', negated };
  return { message: `is: can be unread, read, archived or starred (not "${shorten(value)}").` };
}

function parseDate(which: 'before' | 'after', value: string, negated: boolean): ParsedFilter {
  const date = parseDateStart(value, which);
  return date ? { kind: which, date, negated } : { message: `${which}: needs a date like 2024, 2024-03 or 2024-03-15 (not "${shorten(value)}").` };
}

/**
 * The first day a date refers to for before: (strictly earlier) and the first
 * day after it for after: (strictly later): after:2024 is from 2025-01-01,
 * before:2024-03 is up to 2024-02-29.
 */
function parseDateStart(value: string, which: 'before' | 'after'): string | undefined {
  const match = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/u.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  const start = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
  if (day !== undefined && start.getUTCDate() !== day) return undefined; // 2024-02-31
  if (which === 'after') {
    if (day !== undefined) start.setUTCDate(start.getUTCDate() + 1);
    else if (month !== undefined) start.setUTCMonth(start.getUTCMonth() + 1);
    else start.setUTCFullYear(start.getUTCFullYear() + 1);
  }
  return start.toISOString().slice(0, 10);
}

export function shorten(text: string): string {
  return text.length > 30 ? `${text.slice(0, 30)}…` : text;
}
