import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { citationText, citedArticleOf, quoteWithCitation } from '../../../shared/citation/citationText';
import type { Article } from '../../../shared/domain/article';
import type { CitedPassage } from '../../../shared/export/types';
import { insertArticle, type Block } from '../../helpers/articles';
import { callOk, makeTestCore } from '../../helpers/core';

const BLOCKS: Block[] = [
  { kind: 'p', text: 'The procurement office flagged the award as irregular in an internal memo dated July 2, according to documents.' },
  { kind: 'p', text: 'The mayor called it “a textbook emergency purchase” and promised an independent review.' },
];

describe('citation text: one definition for the reader and the export', () => {
  let core: ReturnType<typeof makeTestCore>;
  beforeEach(() => {
    core = makeTestCore();
  });
  afterEach(() => core.close());

  it("the reader's Copy with citation and the exported footnote carry the same citation", async () => {
    const { articleId } = insertArticle(core.ctx.db, { title: 'City awarded water contract', siteName: 'The Ledger', url: 'https://ledger.example/water', byline: 'Dana Ruiz', blocks: BLOCKS });
    const words = 'flagged the award as irregular';
    const passage = await callOk<{ id: number }>(core, 'passages.find', { articleId, text: words });
    const { noteId } = await callOk<{ noteId: number }>(core, 'passages.quoteIntoNote', { passageId: passage.id, kind: 'block' });
    const { markdown } = await callOk<{ markdown: string }>(core, 'export.noteMarkdown', { id: noteId });
    const footnote = /^\[\^1\]: (.*)$/m.exec(markdown)![1]!;

    // The reader has the article (articles.get) and the version's text, and the user's selection in it.
    const article = await callOk<Article>(core, 'articles.get', { id: articleId });
    const { content_text: text } = core.ctx.db.prepare<[number], { content_text: string }>('SELECT content_text FROM article_versions WHERE article_id = ?').get(articleId)!;
    const start = text.indexOf(words);
    const copied = quoteWithCitation(text, start - 1, start + words.length + 1, citedArticleOf(article));

    const fragment = '#:~:text=flagged%20the%20award%20as%20irregular';
    expect(copied).toBe(`“${words}”\n— Dana Ruiz, “City awarded water contract,” The Ledger, 20 Nov 2025. https://ledger.example/water${fragment} (accessed 1 Jan 2026).`);
    expect(footnote).toBe(`Dana Ruiz, “City awarded water contract,” *The Ledger*, 20 Nov 2025. <https://ledger.example/water${fragment}> (accessed 1 Jan 2026).`);
    // Same text; the export only adds Markdown (italic outlet, <link>).
    expect(copied.split('\n— ')[1]).toBe(footnote.replace(/\*(The Ledger)\*/, '$1').replace(/<(https:[^>]+)>/, '$1'));
  });

  it('escapes metadata in Markdown and leaves it as written in plain text', () => {
    const passage: CitedPassage = {
      passageId: 1,
      exact: 'words',
      prefix: 'some ',
      suffix: ' here',
      status: 'ok',
      article: { id: 1, title: 'Costs *up* <b>50%</b>', authors: ['A_B', 'C D', 'E'], outlet: 'The\nLedger', publishedAt: '2026-08', url: 'javascript:alert(1)', accessedAt: null },
    };
    expect(citationText(passage, 'plain')).toBe('A_B, C D, and E, “Costs *up* <b>50%</b>,” The Ledger, Aug 2026.');
    expect(citationText(passage, 'markdown')).toBe('A\\_B, C D, and E, “Costs \\*up\\* \\<b\\>50%\\</b\\>,” *The Ledger*, Aug 2026.');
  });

  it('a whitespace-only selection copies nothing', () => {
    const article = citedArticleOf({ id: 1, title: 'T', authors: [], byline: null, siteName: null, publishedAt: null, canonicalUrl: null, clippedAt: '2026-01-01T00:00:00.000Z' });
    expect(quoteWithCitation('a   b', 1, 4, article)).toBe('');
  });
});

describe('shortCitation (the quote chip)', () => {
  it('names the first author (et al. for more) or else the outlet, then the title’s first words', async () => {
    const { shortCitation } = await import('../../../shared/citation/citationText');
    expect(shortCitation({ authors: ['Dana Ruiz'], outlet: 'The Ledger', title: 'City awarded water contract' })).toBe('Dana Ruiz, City awarded water contract');
    expect(shortCitation({ authors: ['Dana Ruiz', 'Li Wei'], outlet: null, title: 'Costs up' })).toBe('Dana Ruiz et al., Costs up');
    expect(shortCitation({ authors: [' '], outlet: 'The Ledger', title: 'Harbour authority approves the dredging plan despite protests from fishermen' })).toBe('The Ledger, Harbour authority approves the…');
    expect(shortCitation({ authors: [], outlet: null, title: 'Supercalifragilisticexpialidocious-and-then-some-more-words' })).toBe('Supercalifragilisticexpialidocious-a…');
    expect(shortCitation({ authors: [], outlet: '', title: '  ' })).toBe('Untitled');
  });
});
