// Speaker resolution: a source phrase to the entity it names; pronouns and role nouns ("the secretary") to the
// nearest compatible earlier mention (Muzny et al. 2017's mention → entity stage, simplified).
import type { RawAttribution } from './attribution';
import type { Entity, Mention } from './entities';

const ROLE_NOUNS = new Set(['president', 'secretary', 'senator', 'governor', 'mayor', 'general', 'admiral', 'judge', 'justice', 'minister', 'chairman', 'chairwoman', 'director', 'ambassador', 'speaker', 'candidate', 'nominee', 'commissioner', 'sheriff', 'prosecutor', 'spokesman', 'spokeswoman']);
const ROLE_ALIASES: Record<string, string[]> = { senator: ['sen'], governor: ['gov'], general: ['gen'], admiral: ['adm'] };

interface Indexed {
  entity: Entity;
  mention: Mention;
  subject?: boolean;
}

/** Builds the resolver once per text: mentions indexed by position, latest first. */
export function speakerResolver(entities: Entity[], text: string): (attribution: RawAttribution) => string | null {
  const all: Indexed[] = entities.flatMap((entity) => entity.mentions.map((mention) => ({ entity, mention }))).sort((a, b) => b.mention.end - a.mention.end);
  const boundaries = [...text.matchAll(/[.!?]["”’]?\s+|\n+/g)].map((m) => m.index + m[0].length);
  // A mention is its sentence's subject when no other person is named between the sentence start and it.
  let b = 0;
  let sentenceHasPerson = false;
  for (const item of [...all].sort((x, y) => x.mention.start - y.mention.start)) {
    while (b < boundaries.length && boundaries[b]! <= item.mention.start) {
      b++;
      sentenceHasPerson = false;
    }
    item.subject = !sentenceHasPerson;
    if (item.entity.type === 'person') sentenceHasPerson = true;
  }
  return (attribution) => resolveSpeaker(attribution, all, text);
}

function resolveSpeaker(attribution: RawAttribution, all: Indexed[], text: string): string | null {
  if (attribution.anonymous) return null;
  const { start, end } = attribution.source;
  // A name inside the source phrase, before any "for/of" that only says whose spokesman it is.
  const sourceText = text.slice(start, end);
  const cut = /\s\p{Ll}+\s(?:for|of|at|with|to)\s/u.exec(sourceText);
  const headEnd = cut ? start + cut.index : end;
  const inside = all.filter((m) => m.mention.start >= start && m.mention.end <= headEnd && m.entity.type !== 'place');
  if (inside.length) {
    const person = inside.filter((m) => m.entity.type === 'person');
    return (person.length ? person : inside)[0]!.entity.name;
  }
  const words = sourceText.toLowerCase().match(/[\p{L}]+/gu) ?? [];
  const earlier = all.filter((m) => m.mention.end <= start);
  if (words.length === 1 && (words[0] === 'he' || words[0] === 'she')) {
    const gender = words[0] === 'he' ? 'male' : 'female';
    // News writing keeps the subject of the sentence before as the referent of "he/she" ("Ham said … He added"):
    // the nearest compatible sentence subject, else the nearest compatible person (Hobbs-style subject preference).
    const compatible = earlier.filter((m) => m.entity.type === 'person' && (m.entity.gender === null || m.entity.gender === gender));
    return (compatible.find((m) => m.subject) ?? compatible[0])?.entity.name ?? null;
  }
  if (words.length === 1 && words[0] === 'they') return earlier.find((m) => m.entity.type === 'org')?.entity.name ?? null;
  // "the secretary", "the former governor": the nearest person who carries that title.
  const role = words.find((w) => ROLE_NOUNS.has(w));
  if (role && words.length <= 4 && (words[0] === 'the' || words[0] === 'a' ? words[0] === 'the' : true)) {
    const forms = [role, ...(ROLE_ALIASES[role] ?? [])];
    return earlier.find((m) => m.entity.type === 'person' && forms.some((f) => m.entity.titles.has(f)))?.entity.name ?? null;
  }
  return null;
}
