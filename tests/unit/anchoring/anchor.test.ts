import { describe as suite, expect, it } from 'vitest';
import { anchor, describe, newTextRegions } from '../../../shared/anchoring';
import { isAltered } from '../../../shared/text/quoteIntegrity';
import { HAVE_FIXTURES, NO_FIXTURES_REASON, blocksToHtml, htmlToText, readSeedArticle } from '../../helpers/articles';

// Our own small article (written for these tests).
const PARAGRAPHS = [
  'The city council approved the water contract on Tuesday after a short debate that lasted barely twenty minutes.',
  'Officials said the emergency procedure was justified by the drought, but two members objected to the lack of bidding.',
  'The procurement office flagged the award as irregular in an internal memo dated July 2, according to documents seen by reporters.',
  'The mayor called it "a textbook emergency purchase" and said the contract would be reviewed by an independent auditor.',
  'Residents who attended the meeting said they had not been told about the vote until the morning it took place.',
];
const TEXT = PARAGRAPHS.join('\n\n');

function select(text: string, words: string) {
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`test setup: "${words}" not in text`);
  return describe(text, start, start + words.length);
}

suite('describe', () => {
  it('stores exact, ≥32 chars of context each side and UTF-16 positions', () => {
    const s = select(TEXT, 'flagged the award as irregular');
    expect(s.quote.exact).toBe('flagged the award as irregular');
    expect(s.quote.prefix.length).toBeGreaterThanOrEqual(32);
    expect(s.quote.suffix.length).toBeGreaterThanOrEqual(32);
    expect(TEXT.slice(s.position.start, s.position.end)).toBe(s.quote.exact);
    expect(TEXT.endsWith(s.quote.prefix, s.position.start)).toBe(true);
  });

  it('refuses empty, reversed, out-of-range selections and split surrogate pairs', () => {
    expect(() => describe(TEXT, 5, 5)).toThrow(RangeError);
    expect(() => describe(TEXT, 9, 3)).toThrow(RangeError);
    expect(() => describe(TEXT, 0, TEXT.length + 1)).toThrow(RangeError);
    const emoji = 'Fire 🔥 drill';
    expect(() => describe(emoji, 5, 6)).toThrow(/splits a character/);
  });
});

suite('anchor', () => {
  it('exact position: ok via the O(m) check', () => {
    const s = select(TEXT, 'two members objected to the lack of bidding');
    const r = anchor(s, TEXT);
    expect(r).toMatchObject({ status: 'ok', method: 'position', start: s.position.start, end: s.position.end });
  });

  it('insertion before the passage: ok via exact search at the new offset', () => {
    const s = select(TEXT, 'two members objected to the lack of bidding');
    const edited = `Breaking: an update was added at the top of this story.\n\n${TEXT}`;
    const r = anchor(s, edited);
    expect(r.status).toBe('ok');
    expect(r.method).toBe('exact');
    expect(edited.slice(r.start!, r.end!)).toBe(s.quote.exact);
  });

  it('repeated phrase: context picks the right occurrence', () => {
    const text = `${PARAGRAPHS[0]} The vote was close.\n\n${PARAGRAPHS[1]} The vote was close.\n\n${PARAGRAPHS[2]}`;
    const second = text.lastIndexOf('The vote was close.');
    const s = describe(text, second, second + 'The vote was close.'.length);
    const shifted = `Intro.\n\n${text}`;
    const r = anchor(s, shifted);
    expect(r.status).toBe('ok');
    expect(r.start).toBe(shifted.lastIndexOf('The vote was close.'));
  });

  it('word edited inside the passage: changed, with a word diff', () => {
    const s = select(TEXT, 'The procurement office flagged the award as irregular in an internal memo dated July 2');
    const edited = TEXT.replace('flagged the award as irregular', 'flagged the award as unusual');
    const r = anchor(s, edited);
    expect(r.status).toBe('changed');
    expect(r.method).toBe('fuzzy-window');
    expect(r.matched).toBe('The procurement office flagged the award as unusual in an internal memo dated July 2');
    expect(r.diff).toEqual(
      expect.arrayContaining([
        { kind: 'removed', text: 'irregular' },
        { kind: 'added', text: 'unusual' },
      ]),
    );
  });

  it('deletion of a few words inside the passage: changed', () => {
    const s = select(TEXT, 'Officials said the emergency procedure was justified by the drought');
    const edited = TEXT.replace('emergency procedure was', 'procedure was');
    expect(anchor(s, edited)).toMatchObject({ status: 'changed', matched: 'Officials said the procedure was justified by the drought' });
  });

  it('typography changes (straight → curly quotes): changed in the source, but not an alteration', () => {
    const s = select(TEXT, 'The mayor called it "a textbook emergency purchase" and said');
    const edited = TEXT.replace('"a textbook emergency purchase"', '“a textbook emergency purchase”');
    const r = anchor(s, edited);
    expect(r.status).toBe('changed');
    expect(isAltered(r.matched!, s.quote.exact)).toBe(false);
  });

  it('paragraph moved to the end: ok', () => {
    const s = select(TEXT, 'The procurement office flagged the award as irregular');
    const moved = [PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[3], PARAGRAPHS[4], PARAGRAPHS[2]].join('\n\n');
    const r = anchor(s, moved);
    expect(r.status).toBe('ok');
    expect(moved.slice(r.start!, r.end!)).toBe(s.quote.exact);
  });

  it('paragraph moved far away and edited: changed, found by the whole-text search', () => {
    const filler = Array.from({ length: 60 }, (_, i) => `Filler paragraph number ${i} talks about something else entirely, with numbers ${i * 7}.`);
    const base = [PARAGRAPHS[2], ...filler, PARAGRAPHS[4]].join('\n\n');
    const s = select(base, 'The procurement office flagged the award as irregular in an internal memo');
    const moved = [...filler, PARAGRAPHS[4], PARAGRAPHS[2]!.replace('internal memo', 'internal note')].join('\n\n');
    const r = anchor(s, moved);
    expect(r.status).toBe('changed');
    expect(r.method).toBe('fuzzy-window'); // found next to its unchanged suffix
    expect(r.matched).toBe('The procurement office flagged the award as irregular in an internal note');
  });

  it('edited sentence moved into another paragraph (context lost): found by the last-resort search, limited to new text', () => {
    const filler = Array.from({ length: 60 }, (_, i) => `Filler paragraph number ${i} talks about something else entirely, with numbers ${i * 7}.`);
    const base = [PARAGRAPHS[2], ...filler].join('\n\n');
    const passage = 'The procurement office flagged the award as irregular in an internal memo dated July 2';
    const s = select(base, passage);
    const moved = [...filler.slice(0, 59), `Later, it emerged: ${passage.replace('internal memo', 'internal note')}. Nobody commented.`, filler[59]].join('\n\n');
    const regions = newTextRegions(base, moved);
    expect(regions).toHaveLength(1);
    const r = anchor(s, moved, { searchRegions: regions });
    expect(r).toMatchObject({ status: 'changed', method: 'fuzzy-text', matched: passage.replace('internal memo', 'internal note') });
    // Regions are honoured: with the new paragraph excluded there is nothing to find.
    expect(anchor(s, moved, { searchRegions: [[0, 100]] }).status).toBe('orphan');
  });

  it('deleted passage: orphan, never a wrong match elsewhere', () => {
    const s = select(TEXT, 'The procurement office flagged the award as irregular in an internal memo dated July 2');
    const deleted = PARAGRAPHS.filter((_, i) => i !== 2).join('\n\n');
    expect(anchor(s, deleted)).toMatchObject({ status: 'orphan', start: null, matched: null });
  });

  it('deleted short passage whose words recur elsewhere: orphan', () => {
    const s = select(TEXT, 'the lack of bidding');
    const deleted = TEXT.replace(', but two members objected to the lack of bidding', '') + '\n\nA lack of bidders was noted.';
    expect(anchor(s, deleted).status).toBe('orphan');
  });

  it('heavily rewritten passage (>25% different): orphan', () => {
    const s = select(TEXT, 'Residents who attended the meeting said they had not been told about the vote');
    const rewritten = TEXT.replace('Residents who attended the meeting said they had not been told about the vote', 'People at the session claimed nobody informed them of the ballot');
    expect(anchor(s, rewritten).status).toBe('orphan');
  });
});

suite('Unicode offsets (UTF-16 code units)', () => {
  const text = 'Café 🔥 résumé — 東京都の記者は「速報」を伝えた。\n\nZoë said 👩🏽‍💻 codes. Jalapeño.';

  it('emoji, combining marks and CJK round-trip through describe/anchor', () => {
    for (const words of ['🔥 résumé', '東京都の記者', '「速報」', '👩🏽‍💻 codes', 'Jalapeño']) {
      const s = select(text, words);
      expect(text.slice(s.position.start, s.position.end)).toBe(words);
      const shifted = `🎉🎉 ${text}`;
      const r = anchor(s, shifted);
      expect(r.status).toBe('ok');
      expect(r.start).toBe(s.position.start + '🎉🎉 '.length);
      expect(shifted.slice(r.start!, r.end!)).toBe(words);
    }
  });

  it('CJK sentence with one character changed: changed', () => {
    const s = select(text, '東京都の記者は「速報」を伝えた。');
    const r = anchor(s, text.replace('伝えた', '伝える'));
    expect(r.status).toBe('changed');
    expect(r.matched).toBe('東京都の記者は「速報」を伝える。');
  });
});

suite.skipIf(!HAVE_FIXTURES)('seed article', () => {
  if (!HAVE_FIXTURES) console.warn(NO_FIXTURES_REASON);
  const RUBIO = 'We are facing a foreign-backed narco-terror regime exporting poison onto our streets.';

  it('anchors Rubio’s sentence exactly, after an edit elsewhere, and orphans it when removed', () => {
    const { blocks } = readSeedArticle();
    const text = htmlToText(blocksToHtml(blocks));
    const s = select(text, RUBIO);
    expect(anchor(s, text)).toMatchObject({ status: 'ok', method: 'position' });

    const edited = htmlToText(blocksToHtml([{ kind: 'p', text: 'Editor’s note: this story was updated.' }, ...blocks]));
    expect(anchor(s, edited)).toMatchObject({ status: 'ok', method: 'exact' });

    const reworded = htmlToText(blocksToHtml(blocks.map((b) => ({ ...b, text: b.text.replace('exporting poison', 'shipping poison') }))));
    expect(anchor(s, reworded)).toMatchObject({ status: 'changed', matched: RUBIO.replace('exporting', 'shipping') });

    const removed = htmlToText(blocksToHtml(blocks.map((b) => ({ ...b, text: b.text.replace(`“${RUBIO}”`, '') }))));
    expect(anchor(s, removed).status).toBe('orphan');
  });

  it('every paragraph of the seed article anchors ok on its own text, and orphan once deleted', () => {
    const { blocks } = readSeedArticle();
    const text = htmlToText(blocksToHtml(blocks));
    for (const [i, block] of blocks.entries()) {
      if (block.kind !== 'p') continue;
      const sentence = block.text.split(/(?<=\.) /)[0]!;
      const s = select(text, sentence);
      expect(anchor(s, text).status).toBe('ok');
      const without = htmlToText(blocksToHtml(blocks.filter((_, j) => j !== i)));
      expect(anchor(s, without).status, sentence).toBe('orphan');
    }
  });
});
