// Re-anchor 1,000 passages against an edited version of a 500k-character article,
// ours (shared/anchoring) vs Hypothesis's matchQuote (approx-string-match over the whole text).
import { performance } from 'node:perf_hooks';
import { anchor, describe, newTextRegions } from '../../shared/anchoring';
import { hypothesisAnchor } from './hypothesisMatchQuote';
import { seededRandom } from '../helpers/seededRandom';

const TARGET_CHARS = 500_000;
const PASSAGES = 1_000;
const EDITED_SHARE = 0.2;
const DELETED_SHARE = 0.1;

// Deterministic text: common English words with a Zipf-like skew, so phrases recur as in real prose.
const WORDS = (
  'the of and to a in that is was he for it with as his on be at by had are but from or have an they which one you were her all she there would their we him been has when who will more no if out so said what up its about into than them can only other new some could time these two may then do first any my now such like our over man me even most made after also did many before must through back years where much your way well down should because each just those people how too little state good very make world still own see men work long get here between both life being under never day same another know while last might us great old year off come since against go came right used take three himself few house use during without again place around however home small found thought went say part once general high upon school every does got united left number course war until always away something fact though water less public put think almost hand enough far took head yet government system better set told nothing night end why called didn find look asked later point knew city next program business give group toward young days let room president side social present given several order national possible rather second face per among form important often things looked early white case john become large big need four within felt children along saw best church ever least power development light thing seemed family interest want members mind country area others done turned although open god service certain kind problem began different door thus help sense means whole matter perhaps itself york times law human line above name example action company hands local show whether five history gave today either act feet across taken past quite anyone seen having death experience body word half really week words field car already information tell together college shall money period held keep sure probably free seems political real behind cannot miss question air office making brought whose special heard major problems ago became federal moment study available known result street economic boy position reason change south board individual job society areas west close turn love community true court force full seem policy wife future age wanted department voice center common control necessary following front sometimes six girl clear further land run students provide feel party able mother music education university child effect level stood military short town morning total outside rate figure class art century washington north usually plan leave therefore evidence'
).split(' ');


const random = seededRandom(20261125);
const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
const zipfWord = () => WORDS[Math.floor(WORDS.length * Math.pow(random(), 2.2))]!;

function sentence(): string {
  const n = 8 + Math.floor(random() * 18);
  const words = Array.from({ length: n }, zipfWord);
  const s = words.join(' ');
  return `${s[0]!.toUpperCase()}${s.slice(1)}${pick(['.', '.', '.', '?', ';'])}`;
}

interface PassageSpec {
  id: number;
  paragraph: number;
  sentenceIndex: number;
  kind: 'unchanged' | 'edited' | 'deleted';
}

function buildArticle(): string[][] {
  const paragraphs: string[][] = [];
  let chars = 0;
  while (chars < TARGET_CHARS) {
    const sentences = Array.from({ length: 3 + Math.floor(random() * 4) }, sentence);
    paragraphs.push(sentences);
    chars += sentences.join(' ').length + 2;
  }
  return paragraphs;
}

const join = (paragraphs: string[][]) => paragraphs.map((p) => p.join(' ')).join('\n\n');

function offsetOfSentence(paragraphs: string[][], p: number, s: number): number {
  let offset = 0;
  for (let i = 0; i < p; i++) offset += paragraphs[i]!.join(' ').length + 2;
  for (let j = 0; j < s; j++) offset += paragraphs[p]![j]!.length + 1;
  return offset;
}

function percentile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

const fmt = (ms: number) => (Number.isNaN(ms) ? '   n/a' : `${ms.toFixed(3).padStart(8)} ms`);

export async function run(): Promise<void> {
  const original = buildArticle();
  const originalText = join(original);

  // One passage per chosen sentence, in distinct paragraphs so paragraph deletion affects one passage.
  const paragraphIds = [...original.keys()].sort(() => random() - 0.5).slice(0, PASSAGES);
  if (paragraphIds.length < PASSAGES) throw new Error('article too short for the passage count');
  const specs: PassageSpec[] = paragraphIds.map((paragraph, id) => ({
    id,
    paragraph,
    sentenceIndex: Math.floor(random() * original[paragraph]!.length),
    kind: id < PASSAGES * DELETED_SHARE ? 'deleted' : id < PASSAGES * (DELETED_SHARE + EDITED_SHARE) ? 'edited' : 'unchanged',
  }));
  const selectors = specs.map((spec) => {
    const start = offsetOfSentence(original, spec.paragraph, spec.sentenceIndex);
    return describe(originalText, start, start + original[spec.paragraph]![spec.sentenceIndex]!.length);
  });

  // The edited version: one word changed (or curly quotes/space changes) in edited passages,
  // deleted passages' paragraphs removed, new paragraphs inserted every ~40, and some paragraphs moved.
  const edited = original.map((p) => [...p]);
  for (const spec of specs) {
    if (spec.kind !== 'edited') continue;
    const words = edited[spec.paragraph]![spec.sentenceIndex]!.split(' ');
    const w = 1 + Math.floor(random() * (words.length - 2));
    words[w] = spec.id % 3 === 0 ? `“${words[w]}”` : zipfWord() + (spec.id % 3 === 1 ? ' indeed' : '');
    edited[spec.paragraph]![spec.sentenceIndex] = words.join(' ');
  }
  const deletedParagraphs = new Set(specs.filter((s) => s.kind === 'deleted').map((s) => s.paragraph));
  const reordered: Array<{ from: number | null; sentences: string[] }> = [];
  edited.forEach((sentences, i) => {
    if (i % 40 === 0) reordered.push({ from: null, sentences: [sentence(), sentence()] });
    if (!deletedParagraphs.has(i)) reordered.push({ from: i, sentences });
  });
  for (let i = 0; i + 30 < reordered.length; i += 97) [reordered[i], reordered[i + 30]] = [reordered[i + 30]!, reordered[i]!];
  const editedParagraphs = reordered.map((r) => r.sentences);
  const editedText = join(editedParagraphs);
  const newIndexOf = new Map(reordered.map((r, i) => [r.from, i]));

  const expected = specs.map((spec) => {
    if (spec.kind === 'deleted') return null;
    const p = newIndexOf.get(spec.paragraph)!;
    const start = offsetOfSentence(editedParagraphs, p, spec.sentenceIndex);
    return { start, end: start + editedParagraphs[p]![spec.sentenceIndex]!.length };
  });

  console.log(
    `article: ${originalText.length.toLocaleString()} chars → edited ${editedText.length.toLocaleString()} chars; ` +
      `${PASSAGES} passages (${specs.filter((s) => s.kind === 'unchanged').length} unchanged but shifted, ` +
      `${specs.filter((s) => s.kind === 'edited').length} edited, ${specs.filter((s) => s.kind === 'deleted').length} deleted)`,
  );

  type Row = { ms: number[]; wrong: number; falseAnchors: number; missed: number; statuses: Record<string, number> };
  const empty = (): Row => ({ ms: [], wrong: 0, falseAnchors: 0, missed: 0, statuses: {} });
  const ours = { unchanged: empty(), edited: empty(), deleted: empty() };
  const theirs = { unchanged: empty(), edited: empty(), deleted: empty() };

  const overlapsExpected = (i: number, start: number, end: number) => {
    const e = expected[i]!;
    return start < e.end && end > e.start && Math.abs(start - e.start) <= 40;
  };

  // Computed once per new version, as reanchorArticle does; its cost is charged to our side below.
  let t = performance.now();
  const regions = newTextRegions(originalText, editedText);
  const regionsMs = performance.now() - t;
  const regionChars = regions.reduce((sum, [a, b]) => sum + b - a, 0);
  console.log(`new-text regions: ${regions.length} (${regionChars.toLocaleString()} chars) computed in ${regionsMs.toFixed(1)} ms`);

  for (const [i, spec] of specs.entries()) {
    const s = selectors[i]!;
    t = performance.now();
    const r = anchor(s, editedText, { searchRegions: regions });
    const oursMs = performance.now() - t;
    const row = ours[spec.kind];
    row.ms.push(oursMs);
    row.statuses[r.status] = (row.statuses[r.status] ?? 0) + 1;
    if (spec.kind === 'deleted') {
      if (r.status !== 'orphan') row.falseAnchors++;
    } else if (r.status === 'orphan') row.missed++;
    else if (!overlapsExpected(i, r.start!, r.end!)) row.wrong++;

    t = performance.now();
    const h = hypothesisAnchor(editedText, s.quote.exact, s.quote.prefix, s.quote.suffix, s.position);
    const theirMs = performance.now() - t;
    const hrow = theirs[spec.kind];
    hrow.ms.push(theirMs);
    const hstatus = h === null ? 'none' : h.errors === 0 ? 'exact' : 'fuzzy';
    hrow.statuses[hstatus] = (hrow.statuses[hstatus] ?? 0) + 1;
    if (spec.kind === 'deleted') {
      if (h !== null) hrow.falseAnchors++;
    } else if (h === null) hrow.missed++;
    else if (!overlapsExpected(i, h.start, h.end)) hrow.wrong++;
  }

  // Ours again without the new-text regions (whole-text last resort), to show what the regions buy.
  const wholeText: number[] = [];
  let wholeTextFalse = 0;
  for (const [i, spec] of specs.entries()) {
    if (spec.kind === 'unchanged') continue;
    t = performance.now();
    const r = anchor(selectors[i]!, editedText);
    wholeText.push(performance.now() - t);
    if (spec.kind === 'deleted' && r.status !== 'orphan') wholeTextFalse++;
  }

  const total = (row: Row) => row.ms.reduce((a, b) => a + b, 0);
  console.log('\npath                        | ours p50    | ours p95    | Hypothesis p50 | Hypothesis p95 | p50 ratio');
  for (const kind of ['unchanged', 'edited', 'deleted'] as const) {
    const label = { unchanged: 'exact (shifted, unchanged)', edited: 'fuzzy (edited passage)', deleted: 'deleted passage' }[kind];
    const o = ours[kind];
    const h = theirs[kind];
    console.log(
      `${label.padEnd(27)} |${fmt(percentile(o.ms, 0.5))} |${fmt(percentile(o.ms, 0.95))} |   ${fmt(percentile(h.ms, 0.5))} |   ${fmt(percentile(h.ms, 0.95))} | ${(percentile(h.ms, 0.5) / percentile(o.ms, 0.5)).toFixed(1)}×`,
    );
  }
  const oursTotal = regionsMs + total(ours.unchanged) + total(ours.edited) + total(ours.deleted);
  const theirsTotal = total(theirs.unchanged) + total(theirs.edited) + total(theirs.deleted);
  console.log(`\ntotal for ${PASSAGES} passages: ours ${oursTotal.toFixed(0)} ms, Hypothesis ${theirsTotal.toFixed(0)} ms → ${(theirsTotal / oursTotal).toFixed(1)}× faster (goal ≥ 5×)`);
  const fuzzyOurs = total(ours.edited) + total(ours.deleted);
  const fuzzyTheirs = total(theirs.edited) + total(theirs.deleted);
  console.log(`non-exact passages only (edited + deleted): ours ${fuzzyOurs.toFixed(0)} ms, Hypothesis ${fuzzyTheirs.toFixed(0)} ms → ${(fuzzyTheirs / fuzzyOurs).toFixed(1)}×`);
  console.log(
    `ours without new-text regions (edited + deleted): p50 ${fmt(percentile(wholeText, 0.5))}, p95 ${fmt(percentile(wholeText, 0.95))}, total ${wholeText.reduce((a, b) => a + b, 0).toFixed(0)} ms, false anchors ${wholeTextFalse}`,
  );
  console.log(
    `false anchors on ${specs.filter((s) => s.kind === 'deleted').length} deleted passages: ours ${ours.deleted.falseAnchors} (goal 0), Hypothesis ${theirs.deleted.falseAnchors}`,
  );
  console.log(
    `edited passages: ours ${JSON.stringify(ours.edited.statuses)}, wrong place ${ours.edited.wrong}, missed ${ours.edited.missed}; ` +
      `Hypothesis ${JSON.stringify(theirs.edited.statuses)}, wrong place ${theirs.edited.wrong}, missed ${theirs.edited.missed}`,
  );
  console.log(
    `unchanged passages: ours ${JSON.stringify(ours.unchanged.statuses)}, wrong place ${ours.unchanged.wrong}; Hypothesis wrong place ${theirs.unchanged.wrong}`,
  );
}
