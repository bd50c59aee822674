import { describe, expect, it } from 'vitest';
import { scopeHoldingsText, scopeItemCount } from '../../../renderer/src/features/library/scopeCounts';
import { countOf } from '../../../renderer/src/ui/plural';

describe('counts in words and scope counts', () => {
  it('never says "1 notes"', () => {
    expect(countOf(1, 'note')).toBe('1 note');
    expect(countOf(0, 'note')).toBe('0 notes');
    expect(countOf(2, 'note')).toBe('2 notes');
    expect(countOf(1204, 'article')).toBe('1,204 articles');
    expect(countOf(1, 'matching article')).toBe('1 matching article');
    expect(countOf(3, 'person', 'people')).toBe('3 people');
  });

  it('a tag on one passage counts 1, and the sidebar and the header read one rule', () => {
    expect(scopeItemCount({ articleCount: 0, noteCount: 0, passageCount: 1 })).toBe(1);
    expect(scopeItemCount({ articleCount: 2, noteCount: 1 })).toBe(3);
    expect(scopeHoldingsText({ articleCount: 1, noteCount: 1, passageCount: 2 })).toBe('1 article, 1 note and 2 passages');
    expect(scopeHoldingsText({ articleCount: 3, noteCount: 0 })).toBe('3 articles and 0 notes');
  });
});
