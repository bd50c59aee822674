import type { Db } from '../connection';
import { prepared } from '../statements';

/**
 * The words of the library, read from the full-text indexes themselves
 * through FTS5's fts5vocab tables (one row per indexed word with the number
 * of items holding it), for did-you-mean. They are views of the index, not
 * copies: a deleted item's words leave them when they leave the index, and
 * nothing is stored. They are TEMP tables, created on a connection the first
 * time it suggests a word, so the library file's schema is unchanged.
 *
 * Words are as the unicode61 tokenizer stores them: lower case, diacritics
 * removed (remove_diacritics 2).
 */
const VOCABULARIES = [
  { name: 'search_vocab_articles', index: 'article_fts' },
  { name: 'search_vocab_notes', index: 'note_fts' },
] as const;

const ready = new WeakSet<Db>();

function ensureVocabularies(db: Db): void {
  if (ready.has(db)) return;
  for (const v of VOCABULARIES) db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.${v.name} USING fts5vocab(main, ${v.index}, row)`);
  ready.add(db);
}

/** The next string after every string starting with `prefix` (its last character + 1). */
function after(prefix: string): string {
  const chars = [...prefix];
  const last = chars.pop()!;
  return chars.join('') + String.fromCodePoint(last.codePointAt(0)! + 1);
}

/** Whether some article or note holds this word (or, for a prefix, a word starting with it). An index seek, well under a millisecond. */
export function libraryHasWord(db: Db, word: string, prefix: boolean): boolean {
  ensureVocabularies(db);
  return VOCABULARIES.some((v) =>
    prefix
      ? prepared(db, `SELECT 1 FROM temp.${v.name} WHERE term >= ? AND term < ? LIMIT 1`).pluck().get(word, after(word)) !== undefined
      : prepared(db, `SELECT 1 FROM temp.${v.name} WHERE term = ?`).pluck().get(word) !== undefined,
  );
}

/**
 * Words of the library that could be a misspelling's intended word: the
 * same first `sameStart` letters (a range seek: fts5vocab counts the items
 * of every word it reads, so reading every word of a 10,000-article library
 * takes ~0.4 s, one letter's ~10–50 ms, two letters' a few) and a length
 * within `slack` of it, with the number of items holding each (articles and
 * notes added up).
 */
export function candidateWords(db: Db, word: string, slack: number, sameStart: number): Map<string, number> {
  ensureVocabularies(db);
  const first = [...word].slice(0, sameStart).join('');
  const length = [...word].length;
  const found = new Map<string, number>();
  for (const v of VOCABULARIES) {
    const rows = prepared(db, `SELECT term, doc FROM temp.${v.name} WHERE term >= ? AND term < ? AND length(term) BETWEEN ? AND ?`)
      .raw()
      .all(first, after(first), length - slack, length + slack) as Array<[string, number]>;
    for (const [term, docs] of rows) found.set(term, (found.get(term) ?? 0) + docs);
  }
  return found;
}
