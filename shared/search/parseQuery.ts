import { nearest } from './editDistance';
import { FILTER_KEYS, filterKey, filterKeyList, shorten, type FilterKey } from './filterKeys';
import { DEFAULT_SEARCH_TYPES, FACT_TYPES, SEARCH_TYPES, type Filter, type ParseResult, type SearchType, type TermGroup, type TextTerm } from './query';
import { hasSpacelessScript } from './scripts';

/** Longer input is refused with a message rather than searched slowly. */
export const QUERY_MAX_CHARS = 10_000;
/** More words than this is not a search any more (a pasted page): refused with a message. */
export const QUERY_MAX_TERMS = 64;

interface RawToken {
  text: string;
  /** Came from "…" (a phrase or a quoted filter value). */
  quoted: boolean;
  negated: boolean;
  filter?: FilterKey;
  /** `key:` that looks like a filter but is not one of FILTER_KEYS (`tpye:quote`); `text` is the whole word. */
  unknownKey?: string;
}

/**
 * Parses what a user typed into the search box. Total: any string gives either
 * a query or a friendly message, never an exception. Syntax (what people
 * already guess from web search): words (all must match), "exact phrases",
 * prefix*, -exclude, OR between alternatives, and the filters of FILTER_KEYS
 * (filterKeys.ts: tag:, project:, type:, speaker:, …). Filter values with
 * spaces are quoted: tag:"foreign desk". A word shaped like a filter with a
 * key that is not one (`tpye:note`) is refused with the valid keys and the
 * nearest one, rather than searched as words the journalist did not mean;
 * in quotes it is text. Anything else, including FTS5 operators and
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

    if (token.unknownKey !== undefined) return unknownKey(text, token);
    if (token.filter) {
      pendingOr = false;
      const value = token.text.trim();
      if (value === '') continue; // "tag:" while still typing
      const parsed = token.filter.parse(value, token.negated);
      if ('message' in parsed) return { ok: false, message: parsed.message };
      if ('types' in parsed) for (const type of parsed.types) (token.negated ? excludedTypes : types).add(type);
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

  const wanted = types.size > 0 ? withFactTypes(types, filters) : defaultTypes(filters);
  return { ok: true, query: { groups, filters, types: SEARCH_TYPES.filter((t) => wanted.has(t) && !excludedTypes.has(t)) } };
}

/**
 * Without type:, articles, notes and quotes are searched; a fact filter adds
 * the facts it describes (speaker: the attributions, entity: every fact type)
 * so `speaker:rubio` alone lists what Rubio said.
 */
function defaultTypes(filters: readonly Filter[]): Set<SearchType> {
  const wanted = new Set<SearchType>(DEFAULT_SEARCH_TYPES);
  for (const f of filters) {
    if (f.negated) continue;
    if (f.kind === 'speaker') wanted.add('attribution');
    if (f.kind === 'entity') for (const t of FACT_TYPES) wanted.add(t);
  }
  return wanted;
}

/** type:quote speaker:"marco rubio" asks for the quotes a speaker said: the attributions. */
function withFactTypes(types: Set<SearchType>, filters: readonly Filter[]): Set<SearchType> {
  if (types.has('quote') && filters.some((f) => f.kind === 'speaker' && !f.negated)) return new Set([...types, 'attribution']);
  return types;
}

/** `tpye:note`: says there is no such filter, names the nearest key and offers the query with it. */
function unknownKey(text: string, token: RawToken): ParseResult {
  const key = token.unknownKey!;
  const near = nearest(key.toLowerCase(), FILTER_KEYS.map((k) => k.key))[0];
  const didYouMean = near ? ` Did you mean ${near}:?` : '';
  const message = `There is no filter "${shorten(key)}:".${didYouMean} Filters: ${filterKeyList()}. To search for the words, put them in quotes: ${shorten(`"${token.text}"`)}.`;
  if (!near) return { ok: false, message };
  // Keys are ASCII letters only (see tokenize), so the key needs no escaping in the pattern.
  const suggestion = text.replace(new RegExp(`(^|[\\s!-])${key}:`, 'u'), `$1${near}:`);
  return suggestion === text ? { ok: false, message } : { ok: false, message, suggestion };
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
    const name = filter?.[1];
    const key = name === undefined ? undefined : filterKey(name);
    if (filter && name && key) {
      const rest = filter[2]!;
      if (rest.startsWith('"')) {
        const close = text.indexOf('"', i + name.length + 2);
        const stop = close === -1 ? text.length : close;
        tokens.push({ text: text.slice(i + name.length + 2, stop), quoted: true, negated, filter: key });
        i = stop + 1;
      } else {
        tokens.push({ text: rest, quoted: false, negated, filter: key });
        i = end;
      }
      continue;
    }
    // A URL (https://…) is text; any other letters-only key followed by a colon is a filter typed wrong.
    if (filter && name && !filter[2]!.startsWith('/')) {
      tokens.push({ text: word, quoted: false, negated, unknownKey: name });
      i = end;
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
