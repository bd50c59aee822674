/** The parsed form of what a user typed in the search box (see parseQuery). */

/**
 * What a search can return: articles, notes, quotes (passages highlighted or
 * quoted into notes), and the facts extracted from articles (issue #13):
 * attributions (who said what), figures and dates.
 */
export const SEARCH_TYPES = ['article', 'note', 'quote', 'attribution', 'figure', 'date'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/** Searched when no type: and no fact filter narrows or widens the search (facts have no word index). */
export const DEFAULT_SEARCH_TYPES: readonly SearchType[] = ['article', 'note', 'quote'];

/** The fact types, stored in the facts table (migration 011). */
export const FACT_TYPES = ['attribution', 'figure', 'date'] as const;
export type FactSearchType = (typeof FACT_TYPES)[number];

export function isFactType(type: SearchType): type is FactSearchType {
  return (FACT_TYPES as readonly string[]).includes(type);
}

export const READING_STATES = ['unread', 'read', 'archived'] as const;
export type ReadingState = (typeof READING_STATES)[number];

export interface TextTerm {
  /** A word, or the words of a "quoted phrase" that must appear in this order. */
  kind: 'word' | 'phrase';
  text: string;
  /** word* : matches words starting with text. */
  prefix: boolean;
  /** Contains a script written without spaces (CJK, Thai, ...): looked up in the trigram index. */
  spaceless: boolean;
}

/** Alternatives joined by OR; a negated group (-word) excludes items matching any of them. */
export interface TermGroup {
  negated: boolean;
  terms: TextTerm[];
}

/** Filters whose value is a name or words. */
export type TextFilterKind = 'tag' | 'project' | 'site' | 'author' | 'speaker' | 'entity' | 'label';

export type Filter =
  | { kind: TextFilterKind; value: string; negated: boolean }
  | { kind: 'before' | 'after'; /** Start of the given day, month or year: YYYY-MM-DD. */ date: string; negated: boolean }
  | { kind: 'is'; value: ReadingState | 'starred'; negated: boolean };

export interface ParsedQuery {
  groups: TermGroup[];
  filters: Filter[];
  /** Item types to search (all unless type: filters narrow them). */
  types: SearchType[];
}

/** `suggestion`: the whole query rewritten as the journalist probably meant it (a misspelt filter key). */
export type ParseResult = { ok: true; query: ParsedQuery } | { ok: false; message: string; suggestion?: string };

export function hasText(query: ParsedQuery): boolean {
  return query.groups.length > 0;
}
