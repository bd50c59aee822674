// Reads the PolNeAR dev split in ../shared/fixtures/attribution (BRAT standoff .ann + .txt + metadata.tsv).
// Research data for evaluation only: read in place, never copied into the repo.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { FIXTURES } from '../articles';

export const ATTRIBUTION_DIR = `${FIXTURES}/attribution`;
export const HAVE_ATTRIBUTION_FIXTURES = existsSync(`${ATTRIBUTION_DIR}/metadata.tsv`);
export const NO_ATTRIBUTION_FIXTURES_REASON = `${ATTRIBUTION_DIR} is absent: attribution benchmark fixtures skipped`;

export interface GoldAttribution {
  /** The Content span's text (discontinuous fragments joined by a space). */
  content: string;
  /** The Source span's text, or null when the article names no one. */
  source: string | null;
}

export interface AnnotatedArticle {
  name: string;
  publisher: string;
  date: string;
  text: string;
  gold: GoldAttribution[];
}

/** Parses one BRAT .ann: T lines (typed, possibly discontinuous spans) tied together by E lines. */
export function parseBrat(ann: string, text: string): GoldAttribution[] {
  const spans = new Map<string, { type: string; text: string }>();
  const events: Array<Record<string, string>> = [];
  for (const line of ann.split('\n')) {
    const cols = line.split('\t');
    if (line.startsWith('T') && cols.length >= 2) {
      const [type, ...rest] = cols[1]!.split(' ');
      const fragments = rest.join(' ').split(';').map((f) => f.trim().split(/\s+/).map(Number));
      const covered = fragments.map(([start, end]) => text.slice(start, end)).join(' ');
      spans.set(cols[0]!, { type: type!, text: covered });
    } else if (line.startsWith('E') && cols.length >= 2) {
      const roles: Record<string, string> = {};
      for (const part of cols[1]!.trim().split(/\s+/)) {
        const [role, id] = part.split(':');
        if (role && id) roles[role.replace(/\d+$/, '')] = id;
      }
      events.push(roles);
    }
  }
  const gold: GoldAttribution[] = [];
  for (const roles of events) {
    const content = roles.Content ? spans.get(roles.Content)?.text : undefined;
    if (content === undefined) continue;
    const source = roles.Source ? (spans.get(roles.Source)?.text ?? null) : null;
    gold.push({ content, source });
  }
  return gold;
}

export function loadAttributionCorpus(): AnnotatedArticle[] {
  const metadata = new Map<string, { publisher: string; date: string }>();
  for (const line of readFileSync(`${ATTRIBUTION_DIR}/metadata.tsv`, 'utf8').split('\n')) {
    const [name, publisher, date] = line.split('\t');
    if (name && publisher) metadata.set(name, { publisher, date: date ?? '' });
  }
  return readdirSync(`${ATTRIBUTION_DIR}/text`)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.txt$/, '');
      const text = readFileSync(`${ATTRIBUTION_DIR}/text/${file}`, 'utf8');
      const ann = readFileSync(`${ATTRIBUTION_DIR}/attributions/${name}.ann`, 'utf8');
      const meta = metadata.get(name) ?? { publisher: 'unknown', date: '' };
      return { name, ...meta, text, gold: parseBrat(ann, text) };
    });
}
