import { READING_STATES, SEARCH_TYPES, type Filter, type ReadingState, type ParseResult, type SearchType, type TermGroup, type TextTerm } from './query';
import { hasSpacelessScript } from './scripts';
import { normalizeLabel } from '../highlights/labels';

/** Longer input is refused with a message rather than searched slowly. */
export const QUERY_MAX_CHARS = 10_000;
/** More words than this is not a search any more (a pasted page): refused with a message. */
export const QUERY_MAX_TERMS = 64;

const FILTER_NAMES = ['tag', 'project', 'site', 'author', 'before', 'after', 'is', 'type', 'label'] as const;
type FilterName = (typeof FILTER_NAMES)[number];

interface RawToken {
  text: string;
  /** Came from "…" (a phrase or a quoted filter value). */
  quoted: boolean;
  negated: boolean;
  filter?: FilterName;
}

/**
 * Parses what a user typed into the search box. Total: any string gives either
 * a query or a friendly message, never an exception. Syntax (what people
 * already guess from web search): words (all must match), "exact phrases",
 * prefix*, -exclude, OR between alternatives, and filters tag:, project:,
 * site:, author:, before:/after: (YYYY, YYYY-MM or YYYY-MM-DD), is:unread|read|
 * archived|starred, type:note|article|quote, label:verify (a highlight's label,
 * so only highlights match). Filter values with spaces are
 * quoted: tag:"foreign desk". Anything else, including FTS5 operators and
 * punctuation, is just text.
 */
export function parseQuery(input: string): ParseResult {
  if (typeof input !== 'string') return { ok: false, message: 'Type something to search for.' };
  if (input.length > QUERY_MAX_CHARS) {
    return { ok: false, message: `That search is too long (${input.length.toLocaleString('en')} characters); the limit is ${QUERY_MAX_CHARS.toLocaleString('en')}.` };
  }
  // NFC so typed text matches stored text; control characters are never meaningful in a query.
  const text = input.normalize('NFC').replace(/[\p{Cc}\p{Cf}\p{Cs}]/gu, ' ');
  const tokens = tokenize(text);

  const groups: TermGroup[] = [];
  const filters: Filter[] = [];
  const types = new Set<SearchType>();
  const excludedTypes = new Set<SearchType>();
  let pendingOr = false;

  for (const token of tokens) {
    if (!token.quoted && !token.negated && !token.filter && token.text === 'OR') {
      pendingOr = groups.length > 0 && !groups.at(-1)!.negated;
      continue;
    }
    if (!token.quoted && !token.filter && (token.text === 'AND' || token.text === 'NOT')) continue; // handled in tokenize (NOT) / implicit (AND)

    if (token.filter) {
      pendingOr = false;
      const value = token.text.trim();
      if (value === '') continue; // "tag:" while still typing
      const parsed = parseFilter(token.filter, value, token.negated);
      if ('message' in parsed) return { ok: false, message: parsed.message };
      if ('type' in parsed) (token.negated ? excludedTypes : types).add(parsed.type);
      else filters.push(parsed);
      continue;
    }

    const term = toTerm(token);
    if (!term) continue;
    if (pendingOr && !token.negated) {
      groups.at(-1)!.terms.push(term);
    } else {
      groups.push({ negated: token.negated, terms: [term] });
    }
    pendingOr = false;
  }

  const termCount = groups.reduce((n, g) => n + g.terms.length, 0);
  if (termCount > QUERY_MAX_TERMS) {
    return { ok: false, message: `That search has ${termCount} words; the limit is ${QUERY_MAX_TERMS}. Put a long passage in "quotes" to find it as one phrase.` };
  }
  if (groups.length > 0 && groups.every((g) => g.negated) && filters.length === 0 && types.size === 0) {
    return { ok: false, message: 'Add a word or a filter to search for: -word only says what to leave out.' };
  }

  const wanted = types.size > 0 ? [...types] : [...SEARCH_TYPES];
  return { ok: true, query: { groups, filters, types: SEARCH_TYPES.filter((t) => wanted.includes(t) && !excludedTypes.has(t)) } };
}

function tokenize(text: string): RawToken[] {
  const tokens: RawToken[] = [];
  let i = 0;
  let negateNext = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/u.test(ch)) {
      i++;
      continue;
    }
    let negated = negateNext;
    negateNext = false;
    if ((ch === '-' || ch === '!') && i + 1 < text.length && !/\s/u.test(text[i + 1]!)) {
      negated = true;
      i++;
    }
    if (text[i] === '"') {
      const end = text.indexOf('"', i + 1);
      const stop = end === -1 ? text.length : end; // an unclosed quote runs to the end
      tokens.push({ text: text.slice(i + 1, stop), quoted: true, negated });
      i = stop + 1;
      continue;
    }
    let end = i;
    while (end < text.length && !/\s/u.test(text[end]!)) end++;
    const word = text.slice(i, end);
    const filter = /^([a-zA-Z]+):(.*)$/su.exec(word);
    const name = filter?.[1]?.toLowerCase() as FilterName | undefined;
    if (filter && name && (FILTER_NAMES as readonly string[]).includes(name)) {
      const rest = filter[2]!;
      if (rest.startsWith('"')) {
        const close = text.indexOf('"', i + name.length + 2);
        const stop = close === -1 ? text.length : close;
        tokens.push({ text: text.slice(i + name.length + 2, stop), quoted: true, negated, filter: name });
        i = stop + 1;
      } else {
        tokens.push({ text: rest, quoted: false, negated, filter: name });
        i = end;
      }
      continue;
    }
    if (word === 'NOT' && !negated) {
      negateNext = true;
      i = end;
      continue;
    }
    tokens.push({ text: word, quoted: false, negated });
    i = end;
  }
  return tokens;
}

/** A word or phrase, or undefined when it holds nothing searchable (only punctuation or operators). */
function toTerm(token: RawToken): TextTerm | undefined {
  let text = token.text;
  let prefix = false;
  if (!token.quoted) {
    const stripped = text.replace(/\*+$/u, '');
    prefix = stripped.length < text.length;
    text = stripped.replace(/^[*^]+/u, '');
  }
  text = text.replace(/\s+/gu, ' ').trim();
  if (!/[\p{L}\p{N}]/u.test(text)) return undefined;
  const spaceless = hasSpacelessScript(text);
  return { kind: token.quoted ? 'phrase' : 'word', text, prefix: prefix && !spaceless, spaceless };
}

type ParsedFilter = Filter | { type: SearchType } | { message: string };

function parseFilter(name: FilterName, value: string, negated: boolean): ParsedFilter {
  switch (name) {
    case 'type': {
      const type = normalizeType(value);
      return type ? { type } : { message: `type: can be note, article or quote (not "${shorten(value)}").` };
    }
    case 'is': {
      const v = value.toLowerCase();
      if (v === 'starred' || (READING_STATES as readonly string[]).includes(v)) return { kind: 'is', value: v as ReadingState | 'starred', negated };
      return { message: `is: can be unread, read, archived or starred (not "${shorten(value)}").` };
    }
    case 'before':
    case 'after': {
      const date = parseDateStart(value, name);
      return date ? { kind: name, date, negated } : { message: `${name}: needs a date like 2024, 2024-03 or 2024-03-15 (not "${shorten(value)}").` };
    }
    case 'label':
      // Stored labels are normalized by the same rule: Verify, "on  record" find verify, on record.
      return { kind: 'label', value: normalizeLabel(value), negated };
    default:
      return { kind: name, value, negated };
  }
}

function normalizeType(value: string): SearchType | undefined {
  const v = value.toLowerCase().replace(/s$/u, '');
  if (v === 'note' || v === 'article' || v === 'quote') return v;
  if (v === 'passage' || v === 'highlight') return 'quote';
  if (v === 'clip' || v === 'source') return 'article';
  return undefined;
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

function shorten(text: string): string {
  return text.length > 30 ? `${text.slice(0, 30)}…` : text;
}
