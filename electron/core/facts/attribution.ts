// Attribution rules: direct quotes with their cue before, after or around them, multi-paragraph quotes,
// reported speech ("S said (that) …", "…, S said", "according to S"), quoted labels ("denounced X as “Q”")
// and quoted declarations ("S's declaration that “Q”"). Deterministic sieve in the spirit of Muzny et al. 2017.
import { BETWEEN_SOURCE_AND_CUE, CLAUSE_BREAKERS, CUE_PARTICIPLES, CUE_VERBS, DETERMINERS, LABEL_VERBS, NAMING_VERBS, PREPOSITIONS, PRONOUN_SOURCES, SPEECH_NOUNS } from './lexicon';
import { paragraphs, sentences, type QuoteSpan, type Sentence } from './segment';
import { isAnonymous, plausibleSource, sourceAfter, sourceBefore } from './sources';
import { gapBreaks, isCapitalized, trimSpan, wordsIn, type Word } from './words';

export interface RawAttribution {
  start: number;
  end: number;
  kind: 'direct' | 'indirect';
  cue: string;
  cueStart: number;
  source: { start: number; end: number; text: string };
  anonymous: boolean;
}

const VERB_LIKE = new Set(['to', 'that', 'if', 'whether', 'when', 'what', 'how', 'why', 'and', 'but', 'because', 'about', 'is', 'was', 'were', 'are']);
const TELL_VERBS = new Set(['told', 'tells', 'tell', 'asked', 'asks', 'assured', 'assures', 'urged', 'urges']);
const CONNECTORS = new Set(['of', 'de', 'del', 'la', 'los', 'las', 'van', 'von', 'bin', 'al', 'da', 'di', 'le', 'du', 'for']);
const MIN_REPORTED_WORDS = 4;

/** A cue verb as written in running text (lowercase: "States" in "United States" is no cue). */
const isCue = (w: Word) => w.text === w.lower && (CUE_VERBS.has(w.lower) || w.progressive === true);

const BE_FORMS = new Set(['is', 'are', 'was', 'were', '’s', "'s"]);
const PROGRESSIVE_CUES = new Set(['saying', 'claiming', 'telling', 'arguing', 'insisting', 'warning', 'stating', 'declaring', 'predicting', 'suggesting', 'promising', 'vowing', 'asking', 'urging', 'stressing', 'noting', 'acknowledging', 'denying', 'conceding', 'complaining', 'charging', 'alleging']);

/**
 * "He’s claiming that…", "Trump is telling a veterans group that…": a speech verb in the progressive is a cue like
 * its finite form. The participle is marked as a cue and a clitic "’s" is split off its pronoun ("He’s" → "He" "’s")
 * so the source rules walk over the auxiliary as they do over "has".
 */
function markProgressive(words: Word[]): Word[] {
  const out: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    const clitic = next && PROGRESSIVE_CUES.has(next.text) ? /^(\p{L}+)(['’]s)$/u.exec(w.text) : null;
    if (clitic && PRONOUN_SOURCES.has(clitic[1]!.toLowerCase())) {
      const cut = w.start + clitic[1]!.length;
      out.push({ text: clitic[1]!, lower: clitic[1]!.toLowerCase(), start: w.start, end: cut }, { text: clitic[2]!, lower: clitic[2]!, start: cut, end: w.end });
      continue;
    }
    const prev = out[out.length - 1];
    out.push(PROGRESSIVE_CUES.has(w.text) && prev && BE_FORMS.has(prev.lower) ? { ...w, progressive: true } : w);
  }
  return out;
}

function spanOf(text: string, words: Word[]) {
  const start = words[0]!.start;
  const end = words[words.length - 1]!.end;
  return { start, end, text: text.slice(start, end) };
}

function inside(q: QuoteSpan, offset: number): boolean {
  return offset >= q.start && offset < q.end;
}

function quoteContent(text: string, q: QuoteSpan) {
  return trimSpan(text, q.innerStart, q.innerEnd);
}

interface Context {
  text: string;
  out: RawAttribution[];
}

/**
 * “Fox and Friends”, “State of the Union”, “The Apprentice”: a short quoted run in Title Case is the name of a show,
 * a speech or a book, not someone's words.
 */
const TITLE_FUNCTION_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'in', 'on', 'to', 'for', 'with', 'at', 'by', 'from']);

function isWorkTitle(words: string): boolean {
  const ws = words.split(/\s+/).filter(Boolean);
  const content = ws.filter((w) => !TITLE_FUNCTION_WORDS.has(w.toLowerCase()));
  return ws.length <= 6 && content.length >= 2 && !/[.!?,;:]/.test(words) && content.every((w) => /^\p{Lu}/u.test(w)) && !PRONOUN_SOURCES.has(ws[0]!.toLowerCase()) && ws[0] !== 'I';
}

function emit(ctx: Context, span: { start: number; end: number }, kind: RawAttribution['kind'], cue: Word[] | string, cueStart: number, source: Word[]) {
  const { start, end } = trimSpan(ctx.text, span.start, span.end);
  if (end <= start) return;
  if (kind === 'direct' && isWorkTitle(ctx.text.slice(start, end))) return;
  const cueText = typeof cue === 'string' ? cue : cue.map((w) => w.text).join(' ');
  ctx.out.push({ start, end, kind, cue: cueText, cueStart, source: spanOf(ctx.text, source), anonymous: isAnonymous(source) });
}

/**
 * The subject of the clause a participle hangs on: the first name followed by a lowercase word (its verb) in the
 * main clause — after any opening adjunct ("During a speech, Trump attacked Clinton over Iraq, saying…" → Trump, not
 * Iraq) — else the nearest such name, or a leading pronoun.
 */
function clauseSubject(text: string, words: Word[], before: number): Word[] | null {
  return mainSubject(text, words, before) ?? nearestSubject(words, before);
}

function mainSubject(text: string, words: Word[], before: number): Word[] | null {
  // An opening adjunct runs from a sentence-initial preposition or conjunction to its comma.
  let from = 0;
  if (words[0] && (CLAUSE_BREAKERS.has(words[0].lower) || PREPOSITIONS.has(words[0].lower))) {
    const comma = words.findIndex((w, i) => i > 0 && i < before && /,\s*$/.test(text.slice(words[i - 1]!.end, w.start)));
    if (comma < 0) return null;
    from = comma;
  }
  let start = from;
  while (start < before && DETERMINERS.has(words[start]!.lower)) start++;
  let end = start;
  // "Secretary of State Marco Rubio": connectors between capitalised words belong to the name.
  while (end < before && (isCapitalized(words[end]!.text) || (end > start && CONNECTORS.has(words[end]!.lower) && end + 1 < before && isCapitalized(words[end + 1]!.text)))) end++;
  if (end === start || end >= before || isCapitalized(words[end]!.text) || /[,;:]/.test(text.slice(words[end - 1]!.end, words[end]!.start))) return null;
  const phrase = words.slice(start, end);
  return plausibleSource(phrase) ? phrase : null;
}

function nearestSubject(words: Word[], before: number): Word[] | null {
  for (let end = before - 1; end > 0; end--) {
    const next = words[end]!;
    const last = words[end - 1]!;
    if (isCapitalized(next.text) || CONNECTORS.has(next.lower) || !isCapitalized(last.text)) continue;
    let start = end - 1;
    while (start > 0 && (isCapitalized(words[start - 1]!.text) || (CONNECTORS.has(words[start - 1]!.lower) && start > 1 && isCapitalized(words[start - 2]!.text)))) start--;
    // Sentence-initial "While", "But", "When" are capitalised but no part of the name.
    while (start < end - 1 && (CLAUSE_BREAKERS.has(words[start]!.lower) || ['while', 'but', 'and', 'in', 'on', 'at', 'as', 'the'].includes(words[start]!.lower))) start++;
    const phrase = words.slice(start, end);
    if (plausibleSource(phrase)) return phrase;
  }
  const first = words[0];
  return first && PRONOUN_SOURCES.has(first.lower) ? [first] : null;
}

const ADJUNCT_OPENERS = new Set(['to', 'of', 'on', 'in', 'at', 'during', 'after', 'before', 'while', 'when', 'as', 'from', 'last', 'this', 'yesterday', 'today', 'tonight', 'earlier', 'later', 'afterward', 'afterwards', 'again', 'recently', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/**
 * “Q,” S said sarcastically / on Friday / in an interview / at a rally: after "quote, source, cue" the rest of the
 * sentence can only be a manner or time adjunct — an -ly adverb or a phrase opening with a time word or preposition —
 * never a second clause, so the quote stays credited.
 */
function trailingAdjunct(next: Word): boolean {
  return ADJUNCT_OPENERS.has(next.lower) || (next.text === next.lower && /^\p{L}{3,}ly$/u.test(next.lower));
}

/**
 * "She then urges her husband to get out and repeatedly says, “Q”": a cue coordinated with an earlier verb by "and"
 * shares that verb's subject, the main clause's.
 */
function coordinatedSubject(text: string, words: Word[], cueIndex: number): Word[] | null {
  let k = cueIndex;
  while (k > 0 && BETWEEN_SOURCE_AND_CUE.has(words[k - 1]!.lower)) k--;
  return k > 1 && words[k - 1]!.lower === 'and' && !gapBreaks(text, words[k - 1]!.end, words[k]!.start) ? clauseSubject(text, words, k - 1) : null;
}

/** Rules for a sentence holding closed quotes. Returns true when it credited them. */
function directRules(ctx: Context, sentence: Sentence, words: Word[]): Word[] | null {
  const { text } = ctx;
  const quotes = sentence.quotes;
  const outside = words.filter((w) => !quotes.some((q) => inside(q, w.start)));
  const creditAll = (cue: Word[] | string, cueStart: number, source: Word[], from = 0) => {
    for (const q of quotes.slice(from)) emit(ctx, quoteContent(text, q), 'direct', cue, cueStart, source);
    return source;
  };
  for (let qi = 0; qi < quotes.length; qi++) {
    const q = quotes[qi]!;
    // After: “Q,” said S / “Q,” S said / “Q1,” S said, “Q2.”
    const after = q.open ? [] : outside.filter((w) => w.start >= q.end && (qi + 1 >= quotes.length || w.start < quotes[qi + 1]!.start));
    // “Q” ― Name: a quote signed with a dash and a bare name closing the sentence (reader comments, epigraphs).
    if (after.length && after.length <= 5 && /^\s*[―—–]\s*$/.test(text.slice(q.end, after[0]!.start)) && after.every((w) => isCapitalized(w.text)) && /^[^\p{L}\p{N}]*$/u.test(text.slice(after[after.length - 1]!.end, sentence.end)) && plausibleSource(after)) {
      return creditAll(text.slice(q.end, after[0]!.start).trim(), q.end, after, qi);
    }
    if (after.length && /^[\s,—–-]*$/.test(text.slice(q.end, after[0]!.start))) {
      const w0 = after[0]!;
      if (isCue(w0)) {
        const source = sourceAfter(text, after, 1);
        if (source) return creditAll([w0], w0.start, source, 0);
      }
      // Up to ten words to the cue, or twenty when commas set off an aside ("Flynn, a top surrogate, said").
      for (let k = 1, commas = 0; k < Math.min(after.length, commas ? 20 : 10); k++) {
        const gap = text.slice(after[k - 1]!.end, after[k]!.start);
        if (gapBreaks(text, after[k - 1]!.end, after[k]!.start) && !(/^\s*,\s*$/.test(gap) && ++commas <= 3)) break;
        if (!isCue(after[k]!)) continue;
        const source = sourceBefore(text, after, k, true);
        const tail = text.slice(after[k]!.end, (after[k + 1] ?? { start: sentence.end }).start);
        if (source && source[0] === w0 && (k + 1 >= after.length || /[,.;:!?—]/.test(tail) || TELL_VERBS.has(after[k]!.lower) || trailingAdjunct(after[k + 1]!))) return creditAll([after[k]!], after[k]!.start, source, 0);
        break;
      }
    }
    // Before: S said: “Q” / S said, “Q” / …, stating, “Q”
    const before = outside.filter((w) => w.end <= q.start && (qi === 0 || w.start >= quotes[qi - 1]!.end));
    const last = before[before.length - 1];
    if (last && /^[\s,:—–-]*$/.test(text.slice(last.end, q.start))) {
      const all = words.filter((w) => w.end <= q.start);
      const cueIndex = all.indexOf(last);
      if (isCue(last)) {
        const source = sourceBefore(text, all, cueIndex, true) ?? coordinatedSubject(text, all, cueIndex);
        if (source) return creditAll([last], last.start, source, qi);
      }
      // Said Ellis: “Q” — the inverted order, a capitalised cue opening the sentence, then the name.
      if (qi === 0 && all.length >= 2 && all.length <= 6 && ['Said', 'Says', 'Asked', 'Added'].includes(all[0]!.text) && all.slice(1).every((w) => isCapitalized(w.text)) && plausibleSource(all.slice(1))) {
        return creditAll([all[0]!], all[0]!.start, all.slice(1), qi);
      }
      // “Mook told CBS, “Q”” / “Limbaugh told his radio audience, “Q””: a tell verb, its short object, then the quote.
      if (/[,:]/.test(text.slice(last.end, q.start))) {
        for (let t = cueIndex - 1; t >= Math.max(0, cueIndex - 5); t--) {
          if (gapBreaks(text, all[t]!.end, all[t + 1]!.start)) break;
          if (!TELL_VERBS.has(all[t]!.text)) continue;
          const source = sourceBefore(text, all, t, true) ?? coordinatedSubject(text, all, t);
          if (source) return creditAll([all[t]!], all[t]!.start, source, qi);
          break;
        }
      }
      if (last.lower === 'that' && cueIndex >= 1 && isCue(all[cueIndex - 1]!) && qi === 0) {
        const source = sourceBefore(text, all, cueIndex - 1);
        if (source && trimSpan(text, q.end, sentence.end).end <= trimSpan(text, q.end, sentence.end).start) return creditAll([all[cueIndex - 1]!], all[cueIndex - 1]!.start, source, qi);
      }
      if (CUE_PARTICIPLES.has(last.lower)) {
        const source = clauseSubject(text, all, cueIndex);
        if (source) return creditAll([last], last.start, source, qi);
      }
      // S's declaration that “Q”
      if (last.lower === 'that' && cueIndex >= 2 && SPEECH_NOUNS.has(all[cueIndex - 1]!.lower)) {
        for (let p = cueIndex - 2; p >= Math.max(0, cueIndex - 4); p--) {
          if (/['’]s$/.test(all[p]!.text) && isCapitalized(all[p]!.text)) {
            let s = p;
            while (s > 0 && isCapitalized(all[s - 1]!.text) && !gapBreaks(text, all[s - 1]!.end, all[s]!.start)) s--;
            const owner = all.slice(s, p + 1).map((w, i, arr) => (i === arr.length - 1 ? { ...w, text: w.text.replace(/['’]s$/, ''), end: w.end - 2 } : w));
            if (plausibleSource(owner)) {
              emit(ctx, quoteContent(text, q), 'direct', [all[cueIndex - 1]!], all[cueIndex - 1]!.start, owner);
              return owner;
            }
          }
        }
      }
    }
    // Label: S denounced X as (acts of) “Q” / S called X “Q” / S is describing as “Q”
    const asAt = before.findLastIndex((w) => w.lower === 'as');
    const all = words.filter((w) => w.end <= q.start);
    const anchor = asAt >= 0 && before.length - asAt <= 4 ? all.indexOf(before[asAt]!) : all.length;
    for (let v = anchor - 1; v >= Math.max(0, anchor - 8); v--) {
      const verb = all[v]!;
      if (verb.text !== verb.lower || !(anchor < all.length ? LABEL_VERBS : NAMING_VERBS).has(verb.lower)) continue;
      if (all.slice(v + 1, anchor).some((w) => w.start > (before[0]?.start ?? q.start) && gapBreaks(text, w.end, w.end + 1))) break;
      let s = v;
      while (s > 0 && ['is', 'was', 'are', 'were', 'has', 'had', 'have', 'also'].includes(all[s - 1]!.lower)) s--;
      // "Maduro continues to deny … and has denounced X as “Q”": a coordinated verb shares the clause's subject.
      const source = s > 0 ? (sourceBefore(text, [...all.slice(0, s), verb], s) ?? (all[s - 1]!.lower === 'and' ? clauseSubject(text, all, s - 1) : null)) : null;
      if (source) {
        emit(ctx, quoteContent(text, q), 'direct', anchor < all.length ? `${verb.text} … as` : verb.text, verb.start, source);
        return source;
      }
      break;
    }
  }
  return null;
}

/**
 * "Fowler said the politics would be more intense — and he noted that any change would come later": a reported clause
 * ends where ", and/but" opens a new clause with its own subject and speech verb; that clause is credited to its own
 * subject (the same rule again), so neither content swallows the other.
 */
function emitCoordinated(ctx: Context, sentence: Sentence, rest: Word[], cue: Word[], source: Word[], depth = 0): void {
  const { text } = ctx;
  for (let p = 1; p + 2 < rest.length && depth < 3; p++) {
    if (!['and', 'but'].includes(rest[p]!.lower) || !/[,;—–]\s*$/.test(text.slice(rest[p - 1]!.end, rest[p]!.start))) continue;
    const verbAt = rest.slice(p + 2, p + 6).findIndex(isCue);
    if (verbAt < 0) continue;
    const v = p + 2 + verbAt;
    const nextSource = sourceBefore(text, rest, v);
    if (!nextSource || nextSource[0] !== rest[p + 1]) continue;
    let from = v + 1;
    if (rest[from]?.lower === 'that') from++;
    const tail = rest.slice(from);
    if (p < MIN_REPORTED_WORDS || tail.length < MIN_REPORTED_WORDS) continue;
    emit(ctx, { start: rest[0]!.start, end: rest[p - 1]!.end }, 'indirect', cue, cue[0]!.start, source);
    emitCoordinated(ctx, sentence, tail, [rest[v]!], nextSource, depth + 1);
    return;
  }
  emit(ctx, { start: rest[0]!.start, end: sentence.end }, 'indirect', cue, cue[0]!.start, source);
}

/**
 * “We need change,” the businessman said, arguing that he will bring…: a speech participle after the credited quote
 * opens more reported words by the same speaker (the participle's subject is the main clause's).
 */
function trailingParticiple(ctx: Context, sentence: Sentence, words: Word[], source: Word[]): void {
  const { text } = ctx;
  const sourceEnd = source[source.length - 1]!.end;
  for (let i = 1; i + MIN_REPORTED_WORDS < words.length; i++) {
    const w = words[i]!;
    if (w.start < sourceEnd || sentence.quotes.some((q) => inside(q, w.start)) || w.text !== w.lower || !CUE_PARTICIPLES.has(w.lower) || !/,\s*$/.test(text.slice(words[i - 1]!.end, w.start))) continue;
    if (['telling', 'asking', 'calling'].includes(w.lower)) return;
    let from = i + 1;
    if (words[from]?.lower === 'that') from++;
    else if (!['saying', 'stating', 'arguing', 'insisting', 'claiming', 'warning', 'adding', 'noting'].includes(w.lower)) return;
    if (words.length - from < MIN_REPORTED_WORDS || sentence.quotes.some((q) => inside(q, words[from]!.start))) return;
    emit(ctx, { start: words[from]!.start, end: sentence.end }, 'indirect', [w], w.start, source);
    return;
  }
}

/** Reported speech in one sentence. */
function reportedRules(ctx: Context, sentence: Sentence, words: Word[]): Word[] | null {
  const { text } = ctx;
  const quoted = (w: Word) => sentence.quotes.some((q) => inside(q, w.start));
  // according to S, … / …, according to S.
  for (let i = 0; i + 1 < words.length; i++) {
    if (words[i]!.lower !== 'according' || words[i + 1]!.lower !== 'to' || quoted(words[i]!)) continue;
    const source = sourceAfter(text, words, i + 2);
    if (!source) return null;
    const cue = [words[i]!, words[i + 1]!];
    const afterSource = words.indexOf(source[source.length - 1]!) + 1;
    if (i === 0 || /,\s*$/.test(text.slice(words[i - 1]!.end, words[i]!.start)) && i <= 1) {
      if (afterSource < words.length && words.length - afterSource >= MIN_REPORTED_WORDS) emit(ctx, { start: words[afterSource]!.start, end: sentence.end }, 'indirect', cue, cue[0]!.start, source);
    } else if (i >= MIN_REPORTED_WORDS) {
      emit(ctx, { start: sentence.start, end: words[i]!.start }, 'indirect', cue, cue[0]!.start, source);
      if (afterSource < words.length && words.length - afterSource >= MIN_REPORTED_WORDS && /,/.test(text.slice(source[source.length - 1]!.end, words[afterSource]!.start))) {
        emit(ctx, { start: words[afterSource]!.start, end: sentence.end }, 'indirect', cue, cue[0]!.start, source);
      }
    }
    return source;
  }
  // "S did X, saying (that) CLAUSE"
  for (let i = 1; i + MIN_REPORTED_WORDS < words.length; i++) {
    const w = words[i]!;
    if (!CUE_PARTICIPLES.has(w.lower) || w.text !== w.lower || quoted(w) || !/,\s*$/.test(text.slice(words[i - 1]!.end, w.start))) continue;
    if (['telling', 'asking', 'calling'].includes(w.lower)) continue;
    // "adding layers to…" is no speech: only saying/stating/… take a bare clause, the others need "that".
    const bare = ['saying', 'stating', 'arguing', 'insisting', 'claiming', 'warning'].includes(w.lower);
    if (!bare && words[i + 1]?.lower !== 'that') continue;
    const source = clauseSubject(text, words, i);
    if (!source) continue;
    let from = i + 1;
    if (words[from]?.lower === 'that') from++;
    if (words.length - from < MIN_REPORTED_WORDS) continue;
    emit(ctx, { start: words[from]!.start, end: sentence.end }, 'indirect', [w], w.start, source);
    return source;
  }
  // "…, the source added." — a cue closing the sentence credits everything before it, whatever verbs it holds.
  const lastCue = words.findLastIndex((w) => isCue(w) && !quoted(w));
  if (lastCue > MIN_REPORTED_WORDS && /^[^\p{L}\p{N}]*$/u.test(text.slice(words[lastCue]!.end, sentence.end))) {
    const source = sourceBefore(text, words, lastCue);
    const sourceStart = source ? words.indexOf(source[0]!) : -1;
    if (source && sourceStart >= MIN_REPORTED_WORDS && /,\s*$/.test(text.slice(words[sourceStart - 1]!.end, source[0]!.start))) {
      emit(ctx, { start: sentence.start, end: words[sourceStart - 1]!.end }, 'indirect', [words[lastCue]!], words[lastCue]!.start, source);
      return source;
    }
  }
  for (let i = 0; i < words.length; i++) {
    const cue = words[i]!;
    if (!isCue(cue) || quoted(cue)) continue;
    const source = sourceBefore(text, words, i);
    if (source) {
      const sourceStart = words.indexOf(source[0]!);
      let from = i + 1;
      const thatAt = words.slice(from, from + 8).findIndex((w) => w.lower === 'that');
      const gapToThat = thatAt >= 0 ? text.slice(words[from]!.start, words[from + thatAt]!.start) : '';
      if (thatAt >= 0 && !/[.;:!?]/.test(gapToThat) && !(thatAt > 0 && sentence.quotes.some((q) => q.start < words[from + thatAt]!.start && q.end > words[from]!.start))) from += thatAt + 1;
      else if (TELL_VERBS.has(cue.lower)) {
        // "told the forum he was…", "told reporters they would…": a short object, then a clause whose subject is a
        // personal pronoun — the pronoun is what shows a new clause starts there.
        const subjectAt = words.slice(from, from + 5).findIndex((w, n) => n > 0 && ['he', 'she', 'they', 'we', 'i', 'it'].includes(w.lower));
        const object = subjectAt > 0 ? words.slice(from, from + subjectAt) : [];
        if (object.length && !gapBreaks(text, object[0]!.start, object[object.length - 1]!.end + 1) && !object.some((w) => isCue(w) || VERB_LIKE.has(w.lower))) from += subjectAt;
        else if (!/^\s*:/.test(text.slice(cue.end, cue.end + 3))) {
          // "told reporters Monday", no reported clause follows in the same sentence: the content is before.
          from = words.length;
        }
      }
      const rest = words.slice(from).filter((w) => w.start < sentence.end);
      // "said Thursday on Fox", "said in a statement": a clause never opens with a preposition or a time word.
      const restStartsClean = rest.length > 0 && !['to', 'of', 'for', 'about', 'in', 'on', 'at', 'with', 'by', 'so', 'as', 'is', 'was', 'are', 'were', 'has', 'have', 'had'].includes(rest[0]!.lower) && !ADJUNCT_OPENERS.has(rest[0]!.lower);
      const gap = text.slice(from > i + 1 ? words[from - 1]!.end : cue.end, rest[0]?.start ?? cue.end);
      if (rest.length >= MIN_REPORTED_WORDS && restStartsClean && ((/^[\s,"“']*$/.test(gap) && (from > i + 1 || !/,/.test(gap))) || /^\s*[,:]\s*$/.test(text.slice(cue.end, rest[0]!.start)))) {
        emitCoordinated(ctx, sentence, rest, [cue], source);
        return source;
      }
      // …, S said. (the content is before; the cue ends the sentence or its clause)
      const tail = text.slice(cue.end, sentence.end);
      const sourceAfterComma = sourceStart > 0 && /,\s*$/.test(text.slice(words[sourceStart - 1]!.end, source[0]!.start));
      if (sourceAfterComma && sourceStart >= MIN_REPORTED_WORDS && /^[^\p{L}\p{N}]*$|^\s*,/u.test(tail.slice(0, 40).replace(/\s+(on|in)\s+\p{Lu}\p{Ll}+day/u, ''))) {
        emit(ctx, { start: sentence.start, end: words[sourceStart - 1]!.end }, 'indirect', [cue], cue.start, source);
        // "X, S said, Y." — the rest of the sentence continues the same words.
        const after = words.slice(i + 1);
        if (/^\s*,/.test(tail) && after.length >= MIN_REPORTED_WORDS && !CUE_PARTICIPLES.has(after[0]!.lower)) emit(ctx, { start: after[0]!.start, end: sentence.end }, 'indirect', [cue], cue.start, source);
        return source;
      }
      continue;
    }
    // …, said S.
    if (i >= MIN_REPORTED_WORDS && /,\s*$/.test(text.slice(words[i - 1]!.end, cue.start))) {
      const after = sourceAfter(text, words, i + 1);
      if (after && /^[\s.!?]*$/.test(text.slice(after[after.length - 1]!.end, sentence.end))) {
        emit(ctx, { start: sentence.start, end: words[i - 1]!.end }, 'indirect', [cue], cue.start, after);
        return after;
      }
    }
  }
  return null;
}

/**
 * Short bracketed asides — a party and state "(R-Fla.)", "(D)", an agency "(AP)" — sit between a name and its verb
 * ("Rep. John Mica (R-Fla.) said") and break the phrase. The rules read a copy where they are blanked out with spaces
 * (same length, so every offset still points into the original text); sources and contents are sliced from that copy,
 * so a source reads "Rep. John Mica" — extract.ts takes the quoted words from the original.
 */
export function maskAsides(text: string): string {
  return text.replace(/\((?:[^()"“”\n]{1,24})\)/g, (m) => (m.split(/\s+/).length <= 3 ? ' '.repeat(m.length) : m));
}

/** All attributions of a text, in order. */
export function findAttributions(original: string): RawAttribution[] {
  const text = maskAsides(original);
  const ctx: Context = { text, out: [] };
  const paras = paragraphs(text);
  let carried: Word[] | null = null; // the speaker of a quote left open at the end of the previous paragraph
  let carriedCue = '';
  let previousDirect: { source: Word[]; cue: string } | null = null; // the last speaker of a direct quote, paragraph before
  paras.forEach((paragraph, index) => {
    const first = paragraph.quotes[0];
    const startsWithQuote = first !== undefined && first.start === paragraph.start;
    const continues = carried && startsWithQuote;
    let lastSource: Word[] | null = null;
    let lastCue = '';
    let paragraphHasDirect = false;
    let introducesQuote: { source: Word[]; cue: string } | null = null;
    const unattributed: QuoteSpan[] = [];
    let allQuoteOnly = true;
    for (const sentence of sentences(text, paragraph, index)) {
      const words = markProgressive(wordsIn(text, sentence.start, sentence.end));
      if (words.length === 0) continue;
      const before = ctx.out.length;
      let source = sentence.quotes.length ? directRules(ctx, sentence, words) : null;
      if (source) {
        paragraphHasDirect = true;
        trailingParticiple(ctx, sentence, words, source);
      }
      source ??= reportedRules(ctx, sentence, words);
      const bounds = trimSpan(text, sentence.start, sentence.end);
      const onlyQuote = sentence.quotes.length === 1 && bounds.start >= sentence.quotes[0]!.start && sentence.quotes[0]!.end >= bounds.end - 1;
      if (!onlyQuote) allQuoteOnly = false;
      if (source) {
        lastSource = source;
        lastCue = ctx.out[ctx.out.length - 1]?.cue ?? '';
      } else if (ctx.out.length === before) {
        if (onlyQuote) unattributed.push(sentence.quotes[0]!);
        // "Caddell continued:" / "He said:" closing a paragraph introduces the quote of the next one.
        const last = words[words.length - 1]!;
        if (/:\s*$/.test(text.slice(last.end, paragraph.end)) && sentence.end >= paragraph.end - 1 && sentence.quotes.length === 0) {
          const cueAt = isCue(last) ? words.length - 1 : words.findLastIndex((w) => isCue(w));
          const src = cueAt >= 0 && words.length - cueAt <= 3 ? sourceBefore(text, words, cueAt) : null;
          if (src) introducesQuote = { source: src, cue: words[cueAt]!.text };
        }
      }
    }
    // A paragraph of quotes alone, right after a paragraph whose speaker was quoted directly: the same speaker goes on.
    const inherited = continues ? { source: carried!, cue: carriedCue } : startsWithQuote && allQuoteOnly && previousDirect ? previousDirect : null;
    const speaker = lastSource ?? inherited?.source ?? null;
    const cue = lastSource ? lastCue : (inherited?.cue ?? '');
    if (speaker && (paragraphHasDirect || inherited)) {
      for (const q of unattributed) emit(ctx, quoteContent(text, q), 'direct', cue, q.start, speaker);
    }
    const lastQuote = paragraph.quotes[paragraph.quotes.length - 1];
    if (introducesQuote) {
      carried = introducesQuote.source;
      carriedCue = introducesQuote.cue;
    } else if (lastQuote?.open && speaker) {
      carried = speaker;
      carriedCue = cue;
    } else carried = null;
    previousDirect = speaker && (paragraphHasDirect || inherited) ? { source: speaker, cue } : null;
  });
  // One prediction per span: the first rule that credited it wins.
  const seen = new Set<string>();
  return ctx.out.filter((a) => {
    const key = `${a.start}:${a.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }).sort((a, b) => a.start - b.start);
}
