import type { FactHit, SearchGroup } from '../domain/search';

/** The heading of each result group (the search box and `dossier search`). */
export const GROUP_TITLES: Record<SearchGroup['type'], string> = {
  article: 'Articles',
  note: 'Notes',
  quote: 'Quotes',
  attribution: 'Who said it',
  figure: 'Figures',
  date: 'Dates',
};

/** One line saying what a fact is: "Marco Rubio · said", "30 strikes · more than", "2025-09-02". */
export function factAbout(hit: FactHit): string {
  switch (hit.type) {
    case 'attribution':
      return [hit.speaker ?? (hit.anonymous ? `unnamed: ${hit.source}` : hit.source), hit.cue].filter(Boolean).join(' · ');
    case 'figure':
      return [`${hit.value.toLocaleString('en')} ${hit.unit}`, hit.qualifier].filter(Boolean).join(' · ');
    case 'date':
      return hit.iso;
  }
}
