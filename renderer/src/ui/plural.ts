/**
 * Counts in words ("1 note", "2 notes", "1,204 articles"): one helper so no
 * screen says "1 notes". Plural forms are chosen by Intl.PluralRules; the
 * interface is in English, so the rules are English ones.
 */
const rules = new Intl.PluralRules('en');

export function countOf(n: number, one: string, other = `${one}s`): string {
  return `${n.toLocaleString('en')} ${rules.select(n) === 'one' ? one : other}`;
}
