import { describe, expect, it } from 'vitest';
import { clickRow, EMPTY_SELECTION, extendTo, keepListed, selectAll, toggleRow } from '../../../renderer/src/features/library/selection';
import { matchedTerms } from '../../../renderer/src/features/search/revealMatch';
import { deleteImpactText } from '../../../renderer/src/features/library/deleteImpact';

const order = [10, 20, 30, 40, 50];
const ids = (s: { ids: ReadonlySet<number> }) => [...s.ids].sort((a, b) => a - b);

describe('library multi-select', () => {
  it('a click selects one row; Ctrl/Cmd-click toggles; Shift-click selects the range from the anchor', () => {
    let s = clickRow(EMPTY_SELECTION, order, 1);
    expect(ids(s)).toEqual([20]);
    s = clickRow(s, order, 3, { toggle: true });
    expect(ids(s)).toEqual([20, 40]);
    s = clickRow(s, order, 0, { shift: true }); // anchor is row 3 (last Ctrl-click)
    expect(ids(s)).toEqual([10, 20, 30, 40]);
    s = clickRow(s, order, 1, { toggle: true });
    expect(ids(s)).toEqual([10, 30, 40]);
    s = clickRow(clickRow(EMPTY_SELECTION, order, 4), order, 2, { shift: true, toggle: true });
    expect(ids(s)).toEqual([30, 40, 50]);
    expect(clickRow(s, order, 9)).toBe(s);
  });

  it('Shift-click without an anchor selects just that row; Shift+arrows extend from the anchor', () => {
    expect(ids(clickRow(EMPTY_SELECTION, order, 2, { shift: true }))).toEqual([30]);
    let s = clickRow(EMPTY_SELECTION, order, 2);
    s = extendTo(s, order, 2, 3);
    s = extendTo(s, order, 3, 4);
    expect(ids(s)).toEqual([30, 40, 50]);
    s = extendTo(s, order, 4, 1); // back past the anchor
    expect(ids(s)).toEqual([20, 30]);
  });

  it('Space/x toggles, Ctrl+A selects all, and a reload keeps only rows still listed', () => {
    let s = toggleRow(EMPTY_SELECTION, order, 0);
    s = toggleRow(s, order, 2);
    expect(ids(s)).toEqual([10, 30]);
    expect(ids(toggleRow(s, order, 0))).toEqual([30]);
    expect(ids(selectAll(order))).toEqual(order);
    const kept = keepListed(selectAll(order), [20, 40, 60]);
    expect(ids(kept)).toEqual([20, 40]);
    const same = selectAll([1, 2]);
    expect(keepListed(same, [1, 2, 3])).toBe(same);
  });
});

describe('delete impact wording and search match terms', () => {
  it('says what happens to quotes, for one article or many', () => {
    expect(deleteImpactText(0, 0)).toBe('It moves to the Trash, where you can restore it. No note quotes it.');
    expect(deleteImpactText(0, 0, 3)).toBe('They move to the Trash, where you can restore them. No note quotes any of them.');
    expect(deleteImpactText(1, 1)).toBe('It moves to the Trash, where you can restore it. 1 quote in 1 note will say “source in trash” until then.');
    expect(deleteImpactText(5, 2, 4)).toBe('They move to the Trash, where you can restore them. 5 quotes in 2 notes will say “source in trash” until then.');
  });

  it('takes the matched words from the snippet, longest first, without repeats', () => {
    const hit = {
      type: 'note' as const,
      id: 1,
      title: 'x',
      updatedAt: '2026-01-01T00:00:00.000Z',
      snippet: [
        { text: 'the ', hit: false },
        { text: 'Dredging', hit: true },
        { text: ' of ', hit: false },
        { text: 'port', hit: true },
        { text: ' and ', hit: false },
        { text: 'Dredging', hit: true },
      ],
    };
    expect(matchedTerms(hit)).toEqual(['Dredging', 'port']);
  });
});
