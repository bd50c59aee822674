/**
 * The forms facts are compared by (one definition, used when storing and when
 * querying): a speaker or entity name lower-cased with spaces collapsed and
 * diacritics kept apart from their letters; a figure's unit as its lemma, so
 * "deaths" and "death", "strikes" and "strike" count the same thing.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const INVARIANT = new Set(['people', 'percent', 'police', 'staff', 'personnel', 'news', 'series', 'species', 'aircraft', 'sheep', 'fish', 'cattle']);
const IRREGULAR: Record<string, string> = { children: 'child', men: 'man', women: 'woman', feet: 'foot', persons: 'person', lives: 'life', wives: 'wife', knives: 'knife' };

function singular(word: string): string {
  if (INVARIANT.has(word) || word.length <= 3) return word;
  if (IRREGULAR[word]) return IRREGULAR[word];
  if (/[^aeiou]ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(ss|sh|ch|x|z)es$/.test(word)) return word.slice(0, -2);
  if (/ss$|us$|is$/.test(word)) return word;
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

/** "Deaths" → "death"; "US dollars" → "us dollar"; "%" → "percent". The last word is the one lemmatised. */
export function unitKey(unit: string): string {
  const words = nameKey(unit).replace(/%/g, 'percent').split(' ').filter(Boolean);
  if (words.length === 0) return '';
  words[words.length - 1] = singular(words[words.length - 1]!);
  return words.join(' ');
}
