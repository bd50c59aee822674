import type { TermGroup, TextTerm } from './query';
import { TRIGRAM_MIN_CHARS } from './scripts';

/**
 * What a parsed query asks of the full-text indexes, as FTS5 MATCH strings in
 * which every user term is a quoted string: nothing a user types can be read
 * as FTS5 syntax (column filters, NEAR, ^, operators).
 */
export interface CompiledText {
  /** AND of the positive groups the word index can answer alone, with NOT (…) of the negative ones when there are positives. */
  match: string | null;
  /** Negative word-index groups, when there is no positive match to subtract them from. */
  exclude: string | null;
  /** Groups with a term in a spaceless script, answered as extra conditions (see SpacelessGroup). */
  spacelessGroups: SpacelessGroup[];
}

/** One OR group that needs the trigram index: it matches if any alternative does. */
export interface SpacelessGroup {
  negated: boolean;
  /** Alternatives the word index answers (OR-ed MATCH string), if any. */
  wordMatch: string | null;
  /** Alternatives of at least three characters: an OR-ed MATCH string for the trigram index. */
  trigramMatch: string | null;
  /** Alternatives too short for trigrams: plain substrings. */
  substrings: string[];
}

export function quoteTerm(term: TextTerm): string {
  return `"${term.text.replaceAll('"', '""')}"${term.prefix ? '*' : ''}`;
}

function orOf(parts: string[]): string {
  return parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`;
}

export function compileText(groups: readonly TermGroup[]): CompiledText {
  const positives: string[] = [];
  const negatives: string[] = [];
  const spacelessGroups: SpacelessGroup[] = [];
  for (const group of groups) {
    const words = group.terms.filter((t) => !t.spaceless);
    const spaceless = group.terms.filter((t) => t.spaceless);
    if (spaceless.length === 0) {
      (group.negated ? negatives : positives).push(orOf(words.map(quoteTerm)));
      continue;
    }
    const trigram = spaceless.filter((t) => [...t.text].length >= TRIGRAM_MIN_CHARS);
    spacelessGroups.push({
      negated: group.negated,
      wordMatch: words.length ? orOf(words.map(quoteTerm)) : null,
      trigramMatch: trigram.length ? orOf(trigram.map((t) => quoteTerm({ ...t, prefix: false }))) : null,
      substrings: spaceless.filter((t) => [...t.text].length < TRIGRAM_MIN_CHARS).map((t) => t.text),
    });
  }
  const positive = positives.length ? positives.join(' AND ') : null;
  const negative = negatives.length ? negatives.join(' OR ') : null;
  if (positive && negative) return { match: `(${positive}) NOT (${negative})`, exclude: null, spacelessGroups };
  return { match: positive, exclude: negative, spacelessGroups };
}
