import { describe, expect, it } from 'vitest';
import { filterPassages } from '../../../renderer/src/features/reader/passageFilter';

describe('the passage panel filter', () => {
  const passages = [
    { id: 1, highlight: 'yellow', label: 'verify' },
    { id: 2, highlight: 'pink', label: null },
    { id: 3, highlight: null, label: null },
    { id: 4, highlight: 'green', label: 'claim' },
  ] as const;
  const ids = (list: ReadonlyArray<{ id: number }>) => list.map((p) => p.id);

  it('shows every passage, the highlights, one label, or highlights without a label', () => {
    expect(ids(filterPassages(passages, { kind: 'all' }))).toEqual([1, 2, 3, 4]);
    expect(ids(filterPassages(passages, { kind: 'highlights' }))).toEqual([1, 2, 4]);
    expect(ids(filterPassages(passages, { kind: 'label', label: 'verify' }))).toEqual([1]);
    expect(ids(filterPassages(passages, { kind: 'unlabelled' }))).toEqual([2]);
  });
});
