import { describe, expect, it } from 'vitest';
import { queryTerms, termMatches } from '../../../renderer/src/features/search/revealMatch';

/** What the reader highlights after a search result is opened: the query's terms, on word boundaries. */
describe('search match highlighting (revealMatch)', () => {
  const text = "neumann's team says the system is stable; neumann disagrees. as a test, it uses 's' alone.";
  const shown = (typed: string): string[] => termMatches(text, queryTerms(typed)).map(({ start, end }) => text.slice(start, end));

  it('for `neumann s`, highlights Neumann and the word "s", never the letter s inside other words', () => {
    expect(shown('neumann s')).toEqual(['neumann', 's', 'neumann', 's']);
  });

  it('a finished word matches whole words only; the unfinished last word (3+ letters) matches word starts', () => {
    expect(shown('stable ')).toEqual(['stable']);
    expect(shown('sys')).toEqual(['sys']);
    expect(shown('tem ')).toEqual([]);
  });

  it('negated words are not highlighted; phrases are, as a whole', () => {
    expect(shown('neumann -stable')).toEqual(['neumann', 'neumann']);
    expect(shown('"the system"')).toEqual(['the system']);
  });
});
