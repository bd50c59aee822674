import { countOf } from '../../ui/plural';

/** What a project or tag holds, as projects.list / tags.list count it (items in the Trash left out). */
export interface ScopeHoldings {
  articleCount: number;
  noteCount: number;
  /** Tags only: passages tagged (a project holds passages through its articles, not directly). */
  passageCount?: number | undefined;
}

/**
 * THE count of a project or tag, for the sidebar and the library header alike:
 * every item it holds, passages included (a tag on one passage counts 1, not 0).
 */
export function scopeItemCount(holdings: ScopeHoldings): number {
  return holdings.articleCount + holdings.noteCount + (holdings.passageCount ?? 0);
}

/** The same count in words, for the header's description: "3 articles, 1 note and 2 passages". */
export function scopeHoldingsText(holdings: ScopeHoldings): string {
  const parts = [countOf(holdings.articleCount, 'article'), countOf(holdings.noteCount, 'note')];
  if (holdings.passageCount) parts.push(countOf(holdings.passageCount, 'passage'));
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}
