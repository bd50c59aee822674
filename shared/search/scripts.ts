/**
 * Scripts written without spaces between words (Chinese, Japanese, Korean
 * syllables, Thai, Lao, Khmer, Myanmar). unicode61 turns a whole run of them
 * into one token, so words inside it can't be found; text containing them is
 * also indexed by a trigram index, and query terms containing them are looked
 * up there. The same ranges appear as a GLOB class in the search migration.
 */
export const SPACELESS_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0e00, 0x0eff], // Thai, Lao
  [0x1000, 0x109f], // Myanmar
  [0x1100, 0x11ff], // Hangul Jamo
  [0x1780, 0x17ff], // Khmer
  [0x3040, 0x30ff], // Hiragana, Katakana
  [0x3100, 0x312f], // Bopomofo
  [0x3130, 0x318f], // Hangul compatibility Jamo
  [0x31f0, 0x31ff], // Katakana phonetic extensions
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xac00, 0xd7af], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xff66, 0xff9f], // half-width Katakana
  [0x20000, 0x2ffff], // CJK extensions B..
];

const SPACELESS_PATTERN = new RegExp(
  `[${SPACELESS_RANGES.map(([from, to]) => `\\u{${from.toString(16)}}-\\u{${to.toString(16)}}`).join('')}]`,
  'u',
);

export function hasSpacelessScript(text: string): boolean {
  return SPACELESS_PATTERN.test(text);
}

/**
 * The SQL function (registered on every connection by openDatabase) the search
 * triggers call to decide whether a row belongs in the trigram index. A
 * GLOB character class does the same in pure SQL but costs ~0.7 ms per 5 KB
 * article, which alone would double a 10,000-article import.
 */
export const SPACELESS_SQL_FUNCTION = 'dossier_has_spaceless_script';

/** Implementation of SPACELESS_SQL_FUNCTION: 1 when any argument is text containing such a script. */
export function sqlHasSpacelessScript(...values: unknown[]): 0 | 1 {
  return values.some((v) => typeof v === 'string' && hasSpacelessScript(v)) ? 1 : 0;
}

/** The trigram tokenizer matches nothing for terms shorter than three characters. */
export const TRIGRAM_MIN_CHARS = 3;
