// Source phrases: finding the words that name who speaks, and telling named from unnamed sources.
import { ANONYMOUS_NOUNS, BETWEEN_SOURCE_AND_CUE, CLAUSE_BREAKERS, CUE_VERBS, DETERMINERS, PRONOUN_SOURCES, SOURCE_NOUNS } from './lexicon';
import { gapBreaks, isCapitalized, type Word } from './words';

const NOT_SOURCES = new Set(['it', 'this', 'that', 'there', 'here', 'what', 'which', 'who', 'one', 'you', 'nobody', 'none']);
const TIME_WORDS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yesterday', 'today', 'tonight', 'morning', 'afternoon', 'evening', 'night', 'week', 'month', 'year', 'earlier', 'later']);
const MAX_SOURCE_WORDS = 9;
const NOT_A_NAME = new Set(['having', 'being', 'meanwhile', 'however', 'most', 'many', 'also', 'still', 'yet', 'instead', 'now', 'then', 'thus', 'here', 'there', 'again', 'later', 'earlier', 'first', 'last']);
const FREE_RELATIVES = new Set(['what', 'whatever', 'everything', 'anything', 'something', 'nothing', 'how']);

/** Is this run of words a plausible source: a pronoun, a proper name, or a source noun phrase? */
export function plausibleSource(words: Word[], nextToQuote = false): boolean {
  if (nextToQuote && describedSource(words)) return true;
  if (words.length === 0 || words.length > MAX_SOURCE_WORDS) return false;
  if (words.length === 1 && NOT_SOURCES.has(words[0]!.lower)) return false;
  const head = words[words.length - 1]!;
  if (words.length === 1 && PRONOUN_SOURCES.has(head.lower)) return true;
  // Lowercase words inside a source are nouns, adjectives, determiners and a few prepositions, never verbs.
  if (words.some((w) => !isCapitalized(w.text) && (CUE_VERBS.has(w.lower) || VERBISH.has(w.lower) || CLAUSE_BREAKERS.has(w.lower) || /^\p{Ll}+(ed|ing)$/u.test(w.lower) && !SOURCE_NOUNS.has(w.lower) && !ADJECTIVES_OK.has(w.lower)))) return false;
  const first = words[0]!;
  if (!isCapitalized(first.text) && !DETERMINERS.has(first.lower) && !SOURCE_NOUNS.has(first.lower) && !ADJECTIVES_OK.has(first.lower) && !/^\p{N}/u.test(first.text)) return false;
  if (isCapitalized(first.text) && words.length === 1 && NUMBER_WORDS.test(first.lower)) return false;
  // The head names someone: a proper name, a source noun ("officials"), possibly followed by "for/of/close to X".
  const cut = words.findIndex((w, i) => i > 0 && ['for', 'of', 'to', 'at', 'with', 'from', 'in', 'on'].includes(w.lower));
  const core = cut > 0 ? words.slice(0, cut) : words;
  const coreHead = core[core.length - 1]!;
  if (isCapitalized(coreHead.text) && !NOT_SOURCES.has(coreHead.lower) && !NUMBER_WORDS.test(coreHead.lower) && !(core.length === 1 && DETERMINERS.has(coreHead.lower))) return true;
  return SOURCE_NOUNS.has(coreHead.lower) || (cut > 0 && core.some((w) => SOURCE_NOUNS.has(w.lower)));
}

const VERBISH = new Set(['is', 'was', 'were', 'are', 'be', 'been', 'being', 'do', 'does', 'did', 'has', 'have', 'had', 'would', 'will', 'could', 'should', 'may', 'might', 'can', 'must', 'not', 'let', 'lets', 'get', 'got', 'make', 'made', 'take', 'took', 'give', 'gave', 'go', 'went', 'come', 'came', 'see', 'saw', 'want', 'wants', 'need', 'needs', 'seems', 'seem', 'including', 'like', 'unlike', 'despite', 'during', 'if', 'even', 'just', 'only', 'also', 'still', 'never', 'why', 'how', 'what']);
const ADJECTIVES_OK = new Set(['senior', 'former', 'top', 'other', 'unnamed', 'retired', 'elected', 'campaign', 'federal', 'state', 'local', 'white', 'black', 'republican', 'democratic', 'military', 'administration', 'government', 'police', 'congressional', 'intelligence', 'defense', 'health', 'election', 'party', 'current', 'longtime', 'veteran', 'independent', 'conservative', 'liberal', 'prominent', 'leading', 'many', 'most', 'few', 'several', 'some', 'both', 'all', 'two', 'three', 'four', 'five', 'new', 'recent', 'national', 'foreign', 'u.s.', 'american', 'chief', 'deputy', 'press', 'communications', 'legal', 'economic', 'political', 'public', 'private', 'other']);
const NUMBER_WORDS = /^(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|\p{N})/u;

export function isAnonymous(source: Word[]): boolean {
  if (source.length === 1 && PRONOUN_SOURCES.has(source[0]!.lower)) return false;
  // A proper name anywhere before "for"/"close to"/"of" names the source; after it, it only says whose.
  const cut = source.findIndex((w) => ['for', 'to', 'of', 'with', 'in', 'at', 'from', 'familiar', 'close'].includes(w.lower));
  const head = cut > 0 ? source.slice(0, cut) : source;
  if (head.some((w, i) => isCapitalized(w.text) && !(i === 0 && (DETERMINERS.has(w.lower) || ANONYMOUS_NOUNS.has(w.lower))) && !ANONYMOUS_NOUNS.has(w.lower))) return false;
  return head.some((w) => ANONYMOUS_NOUNS.has(w.lower));
}

/**
 * Walks left from a cue over the words of its clause and returns the source phrase:
 * "Secretary of State Marco Rubio [has also] said", "a spokesman for the campaign said",
 * "Nick Merrill, a spokesman for Clinton, said".
 */
export function sourceBefore(text: string, words: Word[], cueIndex: number, nextToQuote = false): Word[] | null {
  let end = cueIndex; // exclusive
  while (end > 0 && BETWEEN_SOURCE_AND_CUE.has(words[end - 1]!.lower) && !gapBreaks(text, words[end - 1]!.end, words[end]!.start)) end--;
  // "Trump on Monday said", "Clinton in a statement said" are handled by dropping a short trailing time phrase.
  if (end >= 2 && TIME_WORDS.has(words[end - 1]!.lower) && !gapBreaks(text, words[end - 1]!.end, words[end]!.start)) {
    end--;
    while (end > 0 && ['on', 'in', 'at', 'last', 'this', 'late', 'early', 'on', 'the', 'a'].includes(words[end - 1]!.lower)) end--;
  }
  if (end > 0 && /^\s*,\s*$/.test(text.slice(words[end - 1]!.end, words[end]!.start))) return appositionSource(text, words, end);
  if (end === 0 || gapBreaks(text, words[end - 1]!.end, words[end]!.start) || CLAUSE_BREAKERS.has(words[end - 1]!.lower)) return null;
  let start = end - 1;
  while (start > 0 && end - start < MAX_SOURCE_WORDS) {
    const prev = words[start - 1]!;
    if (gapBreaks(text, prev.end, words[start]!.start)) break;
    if (CLAUSE_BREAKERS.has(prev.lower) || (CUE_VERBS.has(prev.lower) && !isCapitalized(prev.text))) break;
    start--;
  }
  // Apposition: "Nick Merrill, a spokesman for Clinton, said" — reach back over the comma to the name.
  const first = words[start]!;
  if (start > 0 && (DETERMINERS.has(first.lower) || first.lower === 'who') && /,\s*$/.test(text.slice(words[start - 1]!.end, first.start))) {
    let nameStart = start - 1;
    while (nameStart > 0 && isCapitalized(words[nameStart - 1]!.text) && !gapBreaks(text, words[nameStart - 1]!.end, words[nameStart]!.start)) nameStart--;
    const name = words.slice(nameStart, start);
    if (isCapitalized(words[start - 1]!.text) && name.length <= 4 && (nameStart === 0 || gapBreaks(text, words[nameStart - 1]!.end, words[nameStart]!.start) || CLAUSE_BREAKERS.has(words[nameStart - 1]!.lower))) {
      const combined = words.slice(nameStart, end);
      if (combined.length <= MAX_SOURCE_WORDS + 4) return combined;
    }
  }
  const source = words.slice(start, end);
  if (first.lower === 'who') return null;
  // "what Trump says his plan would do", "Everything Trump says is a lie": a free relative names a thing said, not a saying.
  if (FREE_RELATIVES.has(first.lower) || (start > 0 && FREE_RELATIVES.has(words[start - 1]!.lower) && !gapBreaks(text, words[start - 1]!.end, first.start))) return null;
  // "Having said", "Meanwhile said", "Tuesday said": one capitalised word that is an ordinary word or a day is no name.
  if (source.length === 1 && isCapitalized(first.text) && (TIME_WORDS.has(first.lower) || NOT_A_NAME.has(first.lower))) return null;
  return plausibleSource(source, nextToQuote) ? source : null;
}

/**
 * Between a closing quote and its cue ("“…,” the ad’s narrator says") any short noun phrase is the speaker, whatever
 * its noun: the quote-source-cue frame says so. A determiner or possessive, then up to four lowercase words ending on
 * a noun (no verb forms, no function words).
 */
function describedSource(words: Word[]): boolean {
  if (words.length < 2 || words.length > 5) return false;
  const first = words[0]!;
  if (!DETERMINERS.has(first.lower) && !/['’]s$/.test(first.text)) return false;
  const head = words[words.length - 1]!;
  return words.slice(1).every((w) => (w.text === w.lower || /['’]s$/.test(w.text) || isCapitalized(w.text)) && !VERBISH.has(w.lower) && !CUE_VERBS.has(w.lower) && !CLAUSE_BREAKERS.has(w.lower) && !NOT_SOURCES.has(w.lower))
    && head.text === head.lower && !/(ed|ing|ly)$/.test(head.lower) && !['of', 'for', 'to', 'in', 'on', 'at', 'with', 'by', 'from'].includes(head.lower);
}

/** The source right after a cue: "said Caddell", "said a senior official". Stops at punctuation. */
export function sourceAfter(text: string, words: Word[], from: number): Word[] | null {
  let end = from;
  while (end < words.length && end - from < MAX_SOURCE_WORDS) {
    if (end > from && gapBreaks(text, words[end - 1]!.end, words[end]!.start)) break;
    if (CLAUSE_BREAKERS.has(words[end]!.lower) && end > from) break;
    end++;
  }
  const source = words.slice(from, end);
  return plausibleSource(source) ? source : null;
}

// An aside after a name opens like a relative clause, a noun phrase, or an adjunct ("Clinton, at a later gaggle, said").
const APPOSITION_OPENERS = new Set(['who', 'a', 'an', 'the', 'his', 'her', 'their', 'its', 'whose', 'one', 'another', 'now', 'then', 'herself', 'himself', 'at', 'in', 'on', 'during', 'after', 'speaking', 'however', 'though', 'too', 'also', 'meanwhile', 'for']);

/**
 * "Rucker Culpepper, who runs the campaign's veterans effort, said" / "Flynn, a top Trump surrogate, said": a name,
 * then an aside between commas that opens like a relative clause or a noun phrase, then the cue. The name is the source;
 * the aside only describes it. `end` is the word just before the comma that precedes the cue.
 */
function appositionSource(text: string, words: Word[], end: number): Word[] | null {
  for (let comma = end - 1; comma > 0 && end - comma <= 20; comma--) {
    const gap = text.slice(words[comma - 1]!.end, words[comma]!.start);
    if (/[;:()"“”]/.test(gap)) return null;
    if (!/^\s*,\s*$/.test(gap)) continue;
    const opener = words[comma]!;
    // An age ("Quina Jones, 25, said") is an aside too.
    if (!APPOSITION_OPENERS.has(opener.lower) && !(SOURCE_NOUNS.has(opener.lower) && !isCapitalized(opener.text)) && !/^\d{1,3}$/.test(opener.text)) return null;
    let start = comma - 1;
    while (start > 0 && comma - start < 5 && isCapitalized(words[start - 1]!.text) && !gapBreaks(text, words[start - 1]!.end, words[start]!.start)) start--;
    const atBoundary = (i: number) => i === 0 || gapBreaks(text, words[i - 1]!.end, words[i]!.start) || CLAUSE_BREAKERS.has(words[i - 1]!.lower);
    const name = words.slice(start, comma);
    if (atBoundary(start) && name.every((w) => isCapitalized(w.text)) && plausibleSource(name)) return name;
    // A title phrase before the name ("Democratic nominee Hillary Clinton, at a later gaggle, said") belongs to it.
    let titled = start;
    while (titled > 0 && comma - titled < MAX_SOURCE_WORDS && !atBoundary(titled) && !CUE_VERBS.has(words[titled - 1]!.lower)) titled--;
    if (titled < start && atBoundary(titled) && isCapitalized(words[titled]!.text) && plausibleSource(words.slice(titled, comma))) return words.slice(titled, comma);
    // "Jean-Marc Ayrault, the foreign minister of France, a permanent member of the Council, said": asides nest;
    // look for the name before the earlier comma.
  }
  return null;
}
