// Word classes from compromise's built-in lexicon (no model files): first names with gender, places, known
// organisations, and common words that are no names when capitalised at a sentence start.
import nlp from 'compromise';

type Tags = string | string[] | undefined;
const lexicon = (nlp as unknown as { model(): { one: { lexicon: Record<string, Tags> } } }).model().one.lexicon;

function tags(lower: string): string[] {
  const t = lexicon[lower];
  return t === undefined ? [] : Array.isArray(t) ? t : [t];
}

export type Gender = 'male' | 'female' | null;

export function firstNameGender(lower: string): Gender | undefined {
  const t = tags(lower);
  if (t.includes('MaleName')) return 'male';
  if (t.includes('FemaleName')) return 'female';
  return t.includes('FirstName') ? null : undefined;
}

const PLACE_TAGS = ['Country', 'City', 'Region', 'Place'];
export const isKnownPlace = (lower: string) => tags(lower).some((t) => PLACE_TAGS.includes(t));
export const isKnownOrganization = (lower: string) => tags(lower).includes('Organization');
export const isKnownPerson = (lower: string) => tags(lower).some((t) => t === 'Person' || t === 'LastName');

const NAME_TAGS = ['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'Organization', 'Country', 'City', 'Region', 'Place', 'ProperNoun', 'Acronym', 'SportsTeam'];
/** A word the lexicon knows only as an ordinary word ("Having", "Meanwhile", "Most"). */
export function isCommonWord(lower: string): boolean {
  const t = tags(lower);
  return t.length > 0 && !t.some((x) => NAME_TAGS.includes(x));
}
