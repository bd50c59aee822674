/** The parsed form of what a user typed in the search box (see parseQuery). */

export const SEARCH_TYPES = ['article', 'note', 'quote'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

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

export type Filter =
  | { kind: 'tag' | 'project' | 'site' | 'author' | 'label'; value: string; negated: boolean }
  | { kind: 'before' | 'after'; /** Start of the given day, month or year: YYYY-MM-DD. */ date: string; negated: boolean }
  | { kind: 'is'; value: ReadingState | 'starred'; negated: boolean };

export interface ParsedQuery {
  groups: TermGroup[];
  filters: Filter[];
  /** Item types to search (all unless type: filters narrow them). */
  types: SearchType[];
}

export type ParseResult = { ok: true; query: ParsedQuery } | { ok: false; message: string };

export function hasText(query: ParsedQuery): boolean {
  return query.groups.length > 0;
}
