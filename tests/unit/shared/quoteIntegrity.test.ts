import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findVerbatim, isAltered, quoteKey } from '../../../shared/text/quoteIntegrity';
import { blockQuote, insertArticle, insertPassage, paragraph, stateJson, text } from '../../helpers/exportFixtures';
import { callOk, makeTestCore } from '../../helpers/core';

/** [what, quoted in the note, the source's words, altered?] */
const CASES: Array<[string, string, string, boolean]> = [
  ['identical', 'the council was told', 'the council was told', false],
  ['curly vs straight double quotes', 'He said “no” twice', 'He said "no" twice', false],
  ['curly apostrophe', 'it\u2019s final', "it's final", false],
  ['guillemets', 'a «textbook» purchase', 'a "textbook" purchase', false],
  ['single guillemets', 'a \u2039textbook\u203A purchase', "a 'textbook' purchase", false],
  ['line break and double space', 'the council\nwas  told', 'the council was told', false],
  ['non-breaking space', 'the council\u00A0was told', 'the council was told', false],
  ['narrow no-break and thin spaces', 'the\u202Fcouncil\u2009was told', 'the council was told', false],
  ['leading and trailing white space', '  the council was told\n', 'the council was told', false],
  ['NFD vs NFC', 'the ce\u0301dula was told', 'the c\u00E9dula was told', false],
  ['zero-width space inside a word', 'the coun\u200Bcil was told', 'the council was told', false],
  ['zero-width space beside a space', 'the council \u200Bwas told', 'the council was told', false],
  ['word joiner, BOM and soft hyphen', '\uFEFFthe coun\u00ADcil was\u2060 told', 'the council was told', false],
  ['zero-width space replacing a space', 'the council\u200Bwas told', 'the council was told', true],
  ['zero-width joiner', 'the coun\u200Dcil was told', 'the council was told', true],
  ['zero-width non-joiner', 'the coun\u200Ccil was told', 'the council was told', true],
  ['right-to-left override', 'the \u202Elicnuoc was told', 'the council was told', true],
  ['compatibility ligature (not folded)', 'the ﬁnal word', 'the final word', true],
  ['a word changed', 'the council was warned', 'the council was told', true],
  ['case', 'The council was told', 'the council was told', true],
  ['punctuation added', 'the council: was told', 'the council was told', true],
  ['ellipsis', 'the council…', 'the council was told', true],
  ['hyphen for an em dash', 'twice - twice', 'twice — twice', true],
  ['full stop dropped', 'over now', 'over now.', true],
];

describe('quote integrity: one rule', () => {
  it.each(CASES)('%s', (_what, quoted, source, altered) => {
    expect(isAltered(quoted, source)).toBe(altered);
    expect(isAltered(source, quoted)).toBe(altered);
  });

  it('keys are idempotent and ignore nothing visible', () => {
    for (const [, quoted] of CASES) expect(quoteKey(quoteKey(quoted))).toBe(quoteKey(quoted));
    expect(quoteKey('a\u200Bb')).toBe('ab');
  });

  it('findVerbatim finds the words by the same rule, and only them', () => {
    for (const [what, quoted, source, altered] of CASES) {
      const page = `Before it. ${source} After it.`;
      const found = findVerbatim(page, quoted);
      if (altered) {
        // Never the source's words ("over now" is still found inside "over now.", as those words).
        expect(found === null || !isAltered(page.slice(found.start, found.end), quoted), what).toBe(true);
        expect(found === null || page.slice(found.start, found.end) !== source, what).toBe(true);
      } else {
        expect(found, what).not.toBeNull();
        expect(isAltered(page.slice(found!.start, found!.end), quoted), what).toBe(false);
        expect(page.slice(found!.start, found!.end), what).toBe(source.trim());
      }
    }
    expect(findVerbatim('x', '\u200B ')).toBeNull();
  });
});

describe('quote integrity: the editor / `dossier quotes` path and the export agree', () => {
  let core: ReturnType<typeof makeTestCore>;
  beforeEach(() => {
    core = makeTestCore();
  });
  afterEach(() => core.close());

  it.each(CASES)('%s', async (_what, quoted, source, altered) => {
    const page = `Before it. ${source.normalize('NFC').trim()} After it.`;
    const ref = insertArticle(core.ctx.db, { title: 'City awarded water contract', text: page, outlet: 'The Ledger' });
    const passageId = insertPassage(core.ctx.db, ref, page, source.normalize('NFC').trim());
    const note = await callOk<{ id: number }>(core, 'notes.create', { title: 'Quotes' });
    await callOk(core, 'notes.save', { id: note.id, contentJson: stateJson(paragraph(text('Intro.')), blockQuote(passageId, quoted)) });

    // `dossier quotes` (passages.quotesOfNote): the editor paints its marks with the same isAltered.
    const [listed] = await callOk<Array<{ altered: boolean; status: string }>>(core, 'passages.quotesOfNote', { noteId: note.id });
    expect(listed!.altered).toBe(altered);
    // What notes.save stored in note_quotes.
    const stored = core.ctx.db.prepare<[number], { altered: number }>('SELECT altered FROM note_quotes WHERE note_id = ?').get(note.id);
    expect(stored!.altered === 1).toBe(altered);
    // The Markdown export's bold warning.
    const { markdown } = await callOk<{ markdown: string }>(core, 'export.noteMarkdown', { id: note.id });
    expect(markdown.includes('Quote altered in this note')).toBe(altered);
  });
});

describe('findVerbatim on long inputs', () => {
  it('a 100,000-character selection is searched without overflowing (it was one regular expression per character)', () => {
    const page = `Intro. ${'word '.repeat(20_000)}end.`;
    expect(findVerbatim(page, 'x'.repeat(100_000))).toBeNull();
    const wanted = `${'word '.repeat(19_999)}word end.`;
    expect(findVerbatim(page, wanted)).toEqual({ start: 7, end: page.length });
  });

  it('maps spans back across astral characters, invisible characters and whitespace runs', () => {
    const page = 'A 𝒳 said \u201Cwa\u200Bter  \n is\u00A0here\u201D today.';
    const found = findVerbatim(page, '"water is here"');
    expect(found && page.slice(found.start, found.end)).toBe('\u201Cwa\u200Bter  \n is\u00A0here\u201D');
    const astral = findVerbatim(page, '𝒳 said');
    expect(astral && page.slice(astral.start, astral.end)).toBe('𝒳 said');
  });
});
