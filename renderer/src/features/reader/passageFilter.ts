import type { Passage } from '../../../../shared/domain/passage';

/** What the passage panel shows: every passage, the highlights, those with one label, or highlights without a label. */
export type PassageFilter = { kind: 'all' } | { kind: 'highlights' } | { kind: 'unlabelled' } | { kind: 'label'; label: string };

export function filterPassages<P extends Pick<Passage, 'highlight' | 'label'>>(passages: readonly P[], filter: PassageFilter): P[] {
  switch (filter.kind) {
    case 'all':
      return [...passages];
    case 'highlights':
      return passages.filter((p) => p.highlight !== null);
    case 'unlabelled':
      return passages.filter((p) => p.highlight !== null && p.label === null);
    case 'label':
      return passages.filter((p) => p.label === filter.label);
  }
}
