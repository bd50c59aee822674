// People, organisations and places: runs of capitalised words, titles stripped, classified by titles, lexicon
// and context, and merged into one entity per referent ("Secretary of State Marco Rubio", "Rubio" → Marco Rubio).
import type { EntityType, ExtractedEntity } from '../../../shared/domain/facts';
import { firstNameGender, isCommonWord, isKnownOrganization, isKnownPerson, isKnownPlace, type Gender } from './gazetteer';
import { SOURCE_NOUNS } from './lexicon';
import { gapBreaks, isCapitalized, wordsIn, type Word } from './words';

export interface Mention {
  start: number;
  end: number;
  name: string;
  /** Title words before the name ("secretary", "state", "president"), lowercase. */
  title: string[];
}

export interface Entity {
  name: string;
  type: EntityType;
  gender: Gender;
  titles: Set<string>;
  aliases: Set<string>;
  mentions: Mention[];
}

const TITLES = new Set(`president vice secretary state sen senator rep representative gov governor mayor gen general adm admiral judge justice
  dr mr mrs ms miss prime minister chairman chairwoman director spokesman spokeswoman attorney ambassador king queen pope rev
  lt col capt sgt cmdr former first lady speaker leader majority minority chief commissioner prosecutor sheriff officer
  defense foreign interior treasury homeland security deputy acting candidate nominee rival democrat republican
  libertarian colonel captain sergeant lieutenant professor prof`.split(/\s+/));
const PERSON_TITLES = new Set(['president', 'secretary', 'sen', 'senator', 'rep', 'representative', 'gov', 'governor', 'mayor', 'gen', 'general', 'adm', 'admiral', 'judge', 'justice', 'dr', 'mr', 'mrs', 'ms', 'minister', 'chairman', 'chairwoman', 'director', 'spokesman', 'spokeswoman', 'ambassador', 'king', 'queen', 'pope', 'rev', 'lt', 'col', 'capt', 'sgt', 'speaker', 'commissioner', 'sheriff', 'prosecutor', 'professor', 'prof', 'colonel', 'captain', 'sergeant', 'lieutenant', 'candidate', 'nominee']);
const CONNECTORS = new Set(['de', 'del', 'la', 'los', 'las', 'da', 'di', 'van', 'von', 'bin', 'al', 'of', 'and', 'for', 'the', 'du', 'le']);
const ORG_WORDS = new Set(`department agency party committee council administration congress senate house pentagon army navy guard corps
  university institute foundation times post news journal inc corp company bank court commission cartel police ministry office bureau
  service network association union group campaign organization coalition fund center centre board reserve club church school
  college press tribune media channel fbi cia nsa airlines motors commission team league caucus forces`.split(/\s+/));
const ORG_NOUNS_AFTER = new Set(['gang', 'cartel', 'group', 'party', 'militia', 'organization', 'organisation', 'company', 'network', 'agency', 'movement', 'coalition', 'campaign', 'newspaper', 'channel', 'firm', 'bank']);
const PLACE_WORDS = new Set(['river', 'sea', 'ocean', 'county', 'city', 'island', 'islands', 'mountains', 'street', 'avenue', 'square', 'bay', 'gulf', 'coast', 'valley', 'province', 'republic', 'kingdom']);
const NOT_NAMES = new Set(`the a an in on at but and or if as so this that these those he she they it we i you his her their its our my
  when while after before since though although because however meanwhile still yet also then there here what why how who which
  according under over with without from for to of by into about despite during following only even just such some many most all
  both each every no not new more less last next monday tuesday wednesday thursday friday saturday sunday january february march
  april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr
  sen rep gov gen lt col capt st jr sr a.m p.m`.split(/\s+/));

function stripPossessive(w: Word): Word {
  return /['’]s$/.test(w.text) ? { ...w, text: w.text.slice(0, -2), lower: w.lower.slice(0, -2), end: w.end - 2 } : /[’']$/.test(w.text) ? { ...w, text: w.text.slice(0, -1), lower: w.lower.slice(0, -1), end: w.end - 1 } : w;
}

interface Candidate {
  words: Word[];
  title: string[];
  evidence: Record<EntityType, number>;
  sentenceStart: boolean;
}

function sentenceStartAt(text: string, offset: number): boolean {
  const before = text.slice(Math.max(0, offset - 3), offset);
  return offset === 0 || /[.!?]["”’]?\s+$|\n\s*$|^\s*$/.test(before) || /["“]$/.test(before);
}

function candidates(text: string, words: Word[]): Candidate[] {
  const out: Candidate[] = [];
  let i = 0;
  while (i < words.length) {
    if (!isCapitalized(words[i]!.text)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < words.length) {
      const w = words[j]!;
      if (gapBreaks(text, words[j - 1]!.end, w.start) || /[\n.!?]/.test(text.slice(words[j - 1]!.end, w.start)) || /['’]s$/.test(words[j - 1]!.text)) break;
      if (isCapitalized(w.text)) {
        j++;
        continue;
      }
      // "Cartel de los Soles", "Department of Defense": connectors between capitalised words.
      let k = j;
      while (k < words.length && CONNECTORS.has(words[k]!.lower) && !['and', 'the'].includes(words[k]!.lower) && k - j < 2 && !gapBreaks(text, words[k - 1]!.end, words[k]!.start)) k++;
      if (k > j && k < words.length && isCapitalized(words[k]!.text) && !gapBreaks(text, words[k - 1]!.end, words[k]!.start)) j = k + 1;
      else break;
    }
    let run = words.slice(i, j).map((w, k, arr) => (k === arr.length - 1 ? stripPossessive(w) : w));
    // "U.S. Secretary of State Marco Rubio": a country abbreviation before a name is its own mention.
    if (run.length > 1 && COUNTRY_ABBREVIATIONS.has(run[0]!.text)) {
      out.push({ words: [run[0]!], title: [], evidence: { person: 0, org: 0, place: 3 }, sentenceStart: false });
      run = run.slice(1);
    }
    const after = words[j];
    const sentenceStart = sentenceStartAt(text, run[0]!.start);
    // Drop sentence-initial function and common words ("The", "Meanwhile", "Having").
    while (run.length && (NOT_NAMES.has(run[0]!.lower.replace(/\.$/, '')) && !TITLES.has(run[0]!.lower.replace(/\.$/, '')) || (sentenceStart && run[0] === words[i] && isCommonWord(run[0]!.lower) && !TITLES.has(run[0]!.lower)))) run = run.slice(1);
    const title: string[] = [];
    while (run.length > 1 && (TITLES.has(run[0]!.lower.replace(/\.$/, '')) || (run[0]!.lower === 'of' && title.length))) title.push(run.shift()!.lower.replace(/\.$/, ''));
    while (run.length && CONNECTORS.has(run[0]!.lower)) run = run.slice(1);
    i = j;
    if (run.length === 0 || run.every((w) => NOT_NAMES.has(w.lower) || /^\p{N}/u.test(w.text))) continue;
    if (run.length === 1 && TITLES.has(run[0]!.lower.replace(/\.$/, ''))) continue;
    const evidence: Record<EntityType, number> = { person: 0, org: 0, place: 0 };
    if (run.length === 1 && COUNTRY_ABBREVIATIONS.has(run[0]!.text)) evidence.place += 3;
    const lowers = run.map((w) => w.lower);
    const joined = lowers.join(' ');
    if (title.some((t) => PERSON_TITLES.has(t))) evidence.person += 3;
    if (lowers.some((w) => ORG_WORDS.has(w)) || isKnownOrganization(joined) || /^[A-Z]{2,5}$/.test(run.map((w) => w.text).join(''))) evidence.org += 3;
    if (after && ORG_NOUNS_AFTER.has(after.lower)) evidence.org += 3;
    if (isKnownPlace(joined) || (run.length > 1 && PLACE_WORDS.has(lowers[lowers.length - 1]!))) evidence.place += 3;
    if (run.length >= 2 && firstNameGender(lowers[0]!) !== undefined && !lowers.some((w) => ORG_WORDS.has(w))) evidence.person += 2;
    if (isKnownPerson(lowers[lowers.length - 1]!) && run.length <= 3) evidence.person += 1;
    out.push({ words: run, title, evidence, sentenceStart });
  }
  return out;
}

const COUNTRY_ABBREVIATIONS = new Set(['U.S.', 'U.K.', 'U.A.E.', 'US', 'UK', 'UAE']);

/** Title-case lines (headlines, section heads) repeat the body's names in a form that misleads the rules. */
function titleCaseLines(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const m of text.matchAll(/[^\n]+/g)) {
    const ws = m[0].match(/\p{L}[\p{L}'’.-]*/gu) ?? [];
    const longWords = ws.filter((w) => w.length > 3);
    // A line of 20 words or fewer that is 80% capitalised is a heading even when it ends with a full stop.
    if ((!/[.!?"”]\s*$/.test(m[0]) || ws.length <= 20) && longWords.length >= 2 && longWords.filter((w) => /^\p{Lu}/u.test(w)).length / longWords.length >= 0.8) out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

const nameOf = (words: Word[]) => words.map((w) => w.text).join(' ');

/**
 * Finds the entities of a text. `speakerSpans` are the source phrases of attributions: a name that speaks is a
 * person or an organisation, which the rules use as evidence.
 */
export function findEntities(text: string, speakerSpans: Array<{ start: number; end: number }> = []): Entity[] {
  const headlines = titleCaseLines(text);
  const cands = candidates(text, wordsIn(text, 0, text.length)).filter((c) => !headlines.some((h) => c.words[0]!.start >= h.start && c.words[0]!.start < h.end));
  for (const c of cands) {
    const common = c.words.every((w) => SOURCE_NOUNS.has(w.lower));
    if (!common && speakerSpans.some((s) => c.words[0]!.start >= s.start && c.words[c.words.length - 1]!.end <= s.end) && c.evidence.org === 0 && c.evidence.place === 0) c.evidence.person += 2;
  }
  // A surname known as a person lends that evidence to the full form it ends ("President Maduro" → "Nicolás Maduro").
  const personWords = new Set(cands.filter((c) => c.words.length === 1 && c.evidence.person > 0).map((c) => c.words[0]!.text));
  for (const c of cands) {
    if (c.words.length >= 2 && c.words.length <= 3 && c.evidence.org === 0 && c.evidence.place === 0 && personWords.has(c.words[c.words.length - 1]!.text)) c.evidence.person += 1;
  }
  // Votes per surface form, then per last word (a surname seen with evidence lends it to its bare uses).
  const byName = new Map<string, Record<EntityType, number>>();
  for (const c of cands) {
    const key = nameOf(c.words);
    const v = byName.get(key) ?? { person: 0, org: 0, place: 0 };
    for (const t of ['person', 'org', 'place'] as const) v[t] += c.evidence[t];
    byName.set(key, v);
  }
  const personSurnames = new Map<string, string[]>(); // surname → full names
  for (const [name, v] of byName) {
    const parts = name.split(' ');
    if (parts.length >= 2 && v.person > v.org && v.person >= v.place && v.person > 0) {
      const list = personSurnames.get(parts[parts.length - 1]!) ?? [];
      list.push(name);
      personSurnames.set(parts[parts.length - 1]!, list);
    }
  }
  const entities = new Map<string, Entity>();
  for (const c of cands) {
    const surface = nameOf(c.words);
    const v = byName.get(surface)!;
    let type: EntityType | null = null;
    let canonical = surface;
    const fulls = c.words.length === 1 ? personSurnames.get(surface) : undefined;
    if (fulls && fulls.length >= 1 && v.org === 0 && v.place === 0) {
      type = 'person';
      canonical = fulls.reduce((best, n) => (n.length > best.length ? n : best));
    } else {
      const best = (['person', 'org', 'place'] as const).reduce((a, b) => (v[b] > v[a] ? b : a));
      if (v[best] > 0) type = best;
      if (type === 'person' && c.words.length >= 2) canonical = surface;
    }
    if (type === null) continue;
    // Person names with a surname seen in a longer form take the longest one ("Trump" → "Donald Trump").
    if (type === 'person') {
      const parts = canonical.split(' ');
      const longer = personSurnames.get(parts[parts.length - 1]!)?.filter((n) => n.endsWith(canonical) && n.length > canonical.length);
      if (longer?.length) canonical = longer.reduce((a, b) => (b.length > a.length ? b : a));
    }
    const key = `${type}:${canonical}`;
    const entity = entities.get(key) ?? { name: canonical, type, gender: null, titles: new Set<string>(), aliases: new Set<string>(), mentions: [] };
    const start = c.words[0]!.start;
    const end = c.words[c.words.length - 1]!.end;
    entity.mentions.push({ start, end, name: surface, title: c.title });
    for (const t of c.title) entity.titles.add(t);
    if (surface !== canonical) entity.aliases.add(surface);
    if (c.title.length) entity.aliases.add(`${text.slice(start - 0, end)}`.length ? titleForm(text, c) : surface);
    if (type === 'person') {
      const g = firstNameGender(canonical.split(' ')[0]!.toLowerCase());
      if (g) entity.gender = g;
      if (c.title.includes('mr')) entity.gender = 'male';
      if (c.title.includes('mrs') || c.title.includes('ms')) entity.gender = 'female';
    }
    entities.set(key, entity);
  }
  for (const e of entities.values()) e.aliases.delete(e.name);
  return [...entities.values()];
}

function titleForm(text: string, c: Candidate): string {
  // The title as written before the name: "Secretary of State Marco Rubio".
  const end = c.words[c.words.length - 1]!.end;
  const head = text.slice(Math.max(0, c.words[0]!.start - 60), c.words[0]!.start);
  const m = new RegExp(`((?:${c.title.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\.?\\s+)+$`, 'i').exec(head.replace(/\s+$/, ' '));
  return m ? `${head.slice(m.index).replace(/\s+$/, ' ')}${text.slice(c.words[0]!.start, end)}`.trim() : text.slice(c.words[0]!.start, end);
}

export function toExtractedEntities(entities: Entity[]): ExtractedEntity[] {
  return entities
    .map((e) => ({ name: e.name, type: e.type, aliases: [...e.aliases].sort(), mentions: e.mentions.map(({ start, end }) => ({ start, end })).sort((a, b) => a.start - b.start) }))
    .sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
}
