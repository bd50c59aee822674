import MarkdownIt from 'markdown-it';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { noteToMarkdown } from '../../../shared/export/noteToMarkdown';
import type { CitationSource, NoteForExport } from '../../../shared/export/types';
import { blockQuote, inlineQuote, paragraph, stateJson, text } from '../../helpers/exportFixtures';

const article = { id: 3, title: 'Title: with "quotes"\n---\nevil: true', authors: ['A. Writer'], outlet: 'Outlet', publishedAt: '2026-01-02', url: 'https://x.example/a', accessedAt: '2026-01-03T00:00:00.000Z' };
const source: CitationSource = {
  passage: (id) => (id === 1 ? { passageId: 1, exact: 'one two three four five', prefix: '', suffix: '', status: 'ok', article } : undefined),
};

function note(title: string, contentJson: string): NoteForExport {
  return { id: 5, title, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z', tags: ['cartels', 'yes'], projects: ['Harbour'], contentJson };
}

describe('note frontmatter', () => {
  it('survives hostile titles: YAML reads back exactly what the note holds', () => {
    const title = '---\nsources: []\n# not: a key\n: [x] & *alias !tag %';
    const { document } = noteToMarkdown(note(title, stateJson(paragraph(inlineQuote(1, 'one two three four five')))), source, { citationStyle: 'footnotes', obsidian: false });
    const yaml = /^---\n([\s\S]*?)\n---\n/.exec(document)![1]!;
    const meta = parseYaml(yaml) as Record<string, unknown>;
    expect(meta).toEqual({
      title,
      created: '2026-01-01T00:00:00.000Z',
      updated: '2026-01-02T00:00:00.000Z',
      tags: ['cartels', 'yes'],
      projects: ['Harbour'],
      dossier: { note: 5 },
      sources: [{ id: 3, title: article.title, authors: ['A. Writer'], outlet: 'Outlet', published: '2026-01-02', url: 'https://x.example/a', accessed: '2026-01-03T00:00:00.000Z' }],
    });
    // The footnote stays on one line although the source title has line breaks.
    expect(document.split('\n').filter((l) => l.startsWith('[^1]:'))[0]).toContain('“Title: with "quotes" --- evil: true,”');
  });

  it('puts block quotes in blockquotes and inline quotes in quotation marks (markdown-it tree)', () => {
    const { markdown } = noteToMarkdown(
      note('t', stateJson(blockQuote(1, 'one two three four five'), paragraph(text('He said '), inlineQuote(1, 'one two three four five'), text('.')))),
      source,
      { citationStyle: 'footnotes', obsidian: false },
    );
    const tokens = new MarkdownIt().parse(markdown, {});
    const types = tokens.map((t) => t.type);
    expect(types.slice(0, 5)).toEqual(['blockquote_open', 'paragraph_open', 'inline', 'paragraph_close', 'blockquote_close']);
    expect(tokens[2]!.content).toBe('one two three four five[^1]');
    expect(tokens[6]!.content).toBe('He said “one two three four five”[^2].');
  });

  it('keeps a block quote made of paragraphs as one quote with paragraphs', () => {
    const quote = { type: 'dossier-quote', version: 1, passageId: 1, children: [paragraph(text('one two')), paragraph(text('three four five'))] };
    const { markdown, quotes } = noteToMarkdown(note('t', stateJson(quote)), source, { citationStyle: 'footnotes', obsidian: false });
    expect(markdown.split('\n\n[^1]:')[0]).toBe('> one two\n>\n> three four five[^1]');
    expect(quotes[0]!.altered).toBe(false);
  });
});
