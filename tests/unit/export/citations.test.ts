import { describe, expect, it } from 'vitest';
import { formatDate } from '../../../shared/citation/citationText';
import { noteBodyToMarkdown } from '../../../shared/export/noteToMarkdown';
import { encodeFragmentTerm, textFragmentDirective, urlWithTextFragment } from '../../../shared/export/textFragment';
import type { CitationSource, CitedPassage, MarkdownOptions } from '../../../shared/export/types';
import { blockQuote, inlineQuote, paragraph, stateJson, text } from '../../helpers/exportFixtures';

const article = {
  id: 7,
  title: 'City awarded water contract without bidding',
  authors: ['Dana Ruiz'],
  outlet: 'The Ledger',
  publishedAt: '2026-08-14',
  url: 'https://ledger.example/2026/08/water-contract',
  accessedAt: '2026-08-19T10:00:00.000Z',
};

function passage(id: number, exact: string, extra: Partial<CitedPassage> = {}): CitedPassage {
  return { passageId: id, exact, prefix: 'The mayor said the contract ', suffix: ' according to minutes', status: 'ok', article, ...extra };
}

function sourceOf(...passages: CitedPassage[]): CitationSource {
  return { passage: (id) => passages.find((p) => p.passageId === id) };
}

const footnotes: MarkdownOptions = { citationStyle: 'footnotes', obsidian: false };

describe('text fragments', () => {
  it('percent-encodes the characters the directive reserves (- , &) and everything URL syntax needs', () => {
    expect(encodeFragmentTerm('well-known, “quoted” & 100%')).toBe('well%2Dknown%2C%20%E2%80%9Cquoted%E2%80%9D%20%26%20100%25');
  });

  it('addresses a long quote by its first and last words', () => {
    const exact = 'was signed eleven days before the council was told about the emergency purchase order';
    expect(textFragmentDirective({ exact, prefix: '', suffix: '' })).toBe(':~:text=was%20signed%20eleven%20days,the%20emergency%20purchase%20order');
  });

  it('adds whole words of context to a short quote, and none from another block', () => {
    expect(textFragmentDirective({ exact: 'textbook', prefix: 'ayor called it a ', suffix: ' purchase, twice.\n\nNext' })).toBe(
      ':~:text=called%20it%20a-,textbook,-purchase%2C%20twice.',
    );
    expect(textFragmentDirective({ exact: 'textbook', prefix: 'Heading\n\nIt was a ', suffix: '' })).toBe(':~:text=It%20was%20a-,textbook');
  });

  it('adds context when the quote occurs more than once in its source', () => {
    const exact = 'the council was not told in advance';
    expect(textFragmentDirective({ exact, prefix: 'x', suffix: 'y', occurrences: 1 })).toBe(`:~:text=${encodeFragmentTerm(exact)}`);
    expect(textFragmentDirective({ exact, prefix: ' officials said that ', suffix: ' of the vote ', occurrences: 2 })).toMatch(/^:~:text=officials%20said%20that-,.*,-of%20the%20vote$/);
  });

  it('replaces an existing fragment and keeps the query', () => {
    expect(urlWithTextFragment('https://x.example/a?b=1#section', { exact: 'one two three four', prefix: '', suffix: '' })).toBe(
      'https://x.example/a?b=1#:~:text=one%20two%20three%20four',
    );
  });
});

describe('quote verification', () => {
  it('marks altered, changed, orphaned and unlinked quotes in footnotes', () => {
    const exact = 'was signed eleven days before the council was told';
    const source = sourceOf(passage(1, exact), passage(2, exact, { status: 'changed' }), passage(3, exact, { status: 'orphan' }));
    const { markdown, quotes } = noteBodyToMarkdown(
      stateJson(
        paragraph(inlineQuote(1, 'was signed eleven days after the council was told')),
        paragraph(inlineQuote(2, exact)),
        blockQuote(3, exact),
        paragraph(inlineQuote(99, 'a deleted passage')),
        paragraph(inlineQuote(null, 'an unlinked quote')),
        paragraph(inlineQuote(1, `  ${exact.replace(' ', '\n')} `)),
      ),
      source,
      footnotes,
    );
    const notes = markdown.split('\n').filter((l) => l.startsWith('[^'));
    expect(notes).toHaveLength(6);
    expect(notes[0]).toContain('**Quote altered in this note; the source reads: “was signed eleven days before the council was told”.**');
    expect(notes[1]).toContain('**Source changed since clipping; quoted as clipped.**');
    expect(notes[2]).toContain('**Passage no longer found in the source; quoted as clipped.**');
    expect(notes[3]).toBe('[^4]: **Unverified quote: its source passage is no longer in Dossier.**');
    expect(notes[4]).toBe('[^5]: **Unverified quote: its source passage is no longer in Dossier.**');
    expect(notes[5]).not.toContain('**');
    expect(quotes.map((q) => [q.status, q.altered])).toEqual([
      ['ok', true],
      ['changed', false],
      ['orphan', false],
      ['missing', false],
      ['missing', false],
      ['ok', false],
    ]);
  });

  it('writes the full citation: author, “title,” outlet, date, URL with fragment, accessed', () => {
    const { markdown } = noteBodyToMarkdown(stateJson(paragraph(inlineQuote(1, 'signed eleven days early'))), sourceOf(passage(1, 'signed eleven days early')), footnotes);
    expect(markdown).toBe(
      '“signed eleven days early”[^1]\n\n' +
        '[^1]: Dana Ruiz, “City awarded water contract without bidding,” *The Ledger*, 14 Aug 2026. ' +
        '<https://ledger.example/2026/08/water-contract#:~:text=signed%20eleven%20days%20early> (accessed 19 Aug 2026).\n',
    );
  });

  it('degrades gracefully when metadata is missing and never links a non-web URL', () => {
    const bare = passage(1, 'a b c d e', { article: { ...article, authors: [], outlet: null, publishedAt: null, url: 'javascript:alert(1)', accessedAt: null } });
    const { markdown } = noteBodyToMarkdown(stateJson(paragraph(inlineQuote(1, 'a b c d e'))), sourceOf(bare), footnotes);
    expect(markdown).toContain('[^1]: “City awarded water contract without bidding”.');
    expect(markdown).not.toContain('javascript');
  });

  it('uses inline links in the inline style, with the same warnings', () => {
    const { markdown } = noteBodyToMarkdown(
      stateJson(paragraph(text('It '), inlineQuote(1, 'was signed late'), text('.'))),
      sourceOf(passage(1, 'was signed early', { status: 'changed' })),
      { citationStyle: 'inline', obsidian: false },
    );
    expect(markdown).toBe(
      'It “was signed late” ([Dana Ruiz, The Ledger](<https://ledger.example/2026/08/water-contract#:~:text=said%20the%20contract-,was%20signed%20early,-according%20to>); ' +
        'quote altered in this note; the source reads: “was signed early”; source changed since clipping; quoted as clipped).\n',
    );
  });

  it('gives quotes stable Obsidian block ids derived from the passage, and wikilinks to sources', () => {
    const exact = 'one two three four five';
    const state = stateJson(blockQuote(12, exact), paragraph(text('Again '), inlineQuote(12, exact)), blockQuote(12, exact));
    const options: MarkdownOptions = { citationStyle: 'footnotes', obsidian: true, sourcePath: () => 'sources/City awarded water contract' };
    const first = noteBodyToMarkdown(state, sourceOf(passage(12, exact)), options);
    const second = noteBodyToMarkdown(state, sourceOf(passage(12, exact)), options);
    expect(first.markdown).toBe(second.markdown);
    expect(first.quotes.map((q) => q.blockId)).toEqual(['quote-12', 'quote-12-2', 'quote-12-3']);
    expect(first.markdown).toContain('> one two three four five[^1]\n\n^quote-12\n\nAgain “one two three four five”[^2] ^quote-12-2\n\n');
    expect(first.markdown).toContain('Local copy: [[sources/City awarded water contract|City awarded water contract]].');
  });
});

describe('dates', () => {
  it('formats stored dates without depending on the locale or time zone', () => {
    expect(formatDate('2026-08-14')).toBe('14 Aug 2026');
    expect(formatDate('2026-01-01T23:30:00.000Z')).toBe('1 Jan 2026');
    expect(formatDate('2026-02')).toBe('Feb 2026');
    expect(formatDate('last spring')).toBe('last spring');
    expect(formatDate(null)).toBeUndefined();
  });
});
