import { allowedEdits, editDistance, nearest } from './editDistance';
import type { ParsedQuery } from './query';

/**
 * Did-you-mean: the pure half (the service reads the library's words and
 * project names; these decide and rewrite the query). A suggestion is always
 * a whole query the journalist can run as is.
 */

/** A word as the full-text index stores it: lower case, without diacritics (unicode61, remove_diacritics 2). */
export function indexForm(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Words worth checking: plain words (not phrases, not excluded, one index token, three letters or more). */
export function checkableWords(query: ParsedQuery): Array<{ text: string; word: string; prefix: boolean }> {
  return query.groups
    .filter((g) => !g.negated)
    .flatMap((g) => g.terms)
    .filter((t) => t.kind === 'word' && !t.spaceless)
    .map((t) => ({ text: t.text, word: indexForm(t.text), prefix: t.prefix }))
    .filter((t) => /^[\p{L}\p{N}]+$/u.test(t.word) && [...t.word].length >= 3);
}

/** The library word the journalist most likely meant: fewest edits, then the most items holding it. */
export function likeliestWord(word: string, candidates: ReadonlyMap<string, number>): string | undefined {
  const max = allowedEdits(word);
  let best: { term: string; distance: number; docs: number } | undefined;
  for (const [term, docs] of candidates) {
    if (term === word) continue;
    const distance = editDistance(word, term, max);
    if (distance > max) continue;
    if (!best || distance < best.distance || (distance === best.distance && docs > best.docs)) best = { term, distance, docs };
  }
  return best?.term;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/gu, '\\$&');
}

/** Writes `replacement` in the case the journalist typed `typed` in (Venezuala → Venezuela, MADRUO → MADURO). */
function inCaseOf(typed: string, replacement: string): string {
  if (typed.length > 1 && typed === typed.toUpperCase() && typed !== typed.toLowerCase()) return replacement.toUpperCase();
  const first = typed[0] ?? '';
  return first !== first.toLowerCase() ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement;
}

/** The query with the first whole-word occurrence of `typed` replaced (outside quotes is where words are). */
export function replaceWord(query: string, typed: string, replacement: string): string {
  const pattern = new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(typed)}(?![\\p{L}\\p{N}])`, 'u');
  return query.replace(pattern, (_, before: string) => `${before}${inCaseOf(typed, replacement)}`);
}

/** The query with a filter's value replaced: `project:venz` → `project:"Venezuela strikes"`. */
export function replaceFilterValue(query: string, key: string, value: string, replacement: string): string {
  const written = /[\s"]/u.test(replacement) ? `"${replacement.replaceAll('"', '')}"` : replacement;
  const pattern = new RegExp(`(^|[\\s!-])${escapeRegExp(key)}:(?:"${escapeRegExp(value)}"?|${escapeRegExp(value)})(?=\\s|$)`, 'iu');
  return query.replace(pattern, (_, before: string) => `${before}${key}:${written}`);
}

export type NameMatch = { ok: true; name: string } | { ok: false; message: string; closest: string[] };

/**
 * Which of `names` a typed name means: the name itself (case and accents
 * aside), else the only name starting with it (`venez` → "Venezuela
 * strikes"). Several names starting with it, or none, is said in a message
 * naming the candidates (the nearest names when none starts with it).
 */
export function resolveName(key: string, typed: string, names: readonly string[]): NameMatch {
  const wanted = indexForm(typed.trim()).replace(/\s+/gu, ' ');
  const forms = names.map((name) => ({ name, form: indexForm(name).replace(/\s+/gu, ' ') }));
  const exact = forms.find((f) => f.form === wanted);
  if (exact) return { ok: true, name: exact.name };
  const starting = forms.filter((f) => f.form.startsWith(wanted));
  if (starting.length === 1) return { ok: true, name: starting[0]!.name };
  const list = (xs: string[]) => xs.slice(0, 5).map((x) => `“${x}”`).join(', ') + (xs.length > 5 ? ` and ${xs.length - 5} more` : '');
  if (starting.length > 1) {
    const closest = starting.map((f) => f.name);
    return { ok: false, message: `${key}:${typed} could be ${list(closest)}: type more of the name.`, closest };
  }
  // Nearest by the whole name, or by its start as long as what was typed (a misspelt prefix).
  const near = new Set([
    ...nearest(wanted, forms.map((f) => f.form)),
    ...nearest(wanted, forms.map((f) => f.form.slice(0, wanted.length))),
  ]);
  const closest = forms.filter((f) => near.has(f.form) || near.has(f.form.slice(0, wanted.length))).map((f) => f.name);
  if (names.length === 0) return { ok: false, message: `There are no ${key}s yet, so ${key}:${typed} matches nothing.`, closest };
  const hint = closest.length ? `Did you mean ${list(closest)}?` : `${key[0]!.toUpperCase()}${key.slice(1)}s: ${list([...names])}.`;
  return { ok: false, message: `No ${key} is called “${typed}”. ${hint}`, closest };
}
