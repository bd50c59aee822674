import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { noteBodyToMarkdown } from '../../../shared/export/noteToMarkdown';
import type { CitationSource } from '../../../shared/export/types';
import { heading, paragraph, stateJson, text } from '../../helpers/exportFixtures';
import type { SerializedNode } from '../../../shared/notes/editorState';

const md = new MarkdownIt({ html: true, linkify: false });
type Token = ReturnType<typeof md.parse>[number];
const noSources: CitationSource = { passage: () => undefined };
const render = (...children: SerializedNode[]): string =>
  noteBodyToMarkdown(stateJson(...children), noSources, { citationStyle: 'footnotes', obsidian: false }).markdown;

/** Block tokens as a compact outline: "type" or "type:tag", inline contents as their children's types. */
function outline(tokens: Token[]): string[] {
  return tokens.map((t) => (t.type === 'inline' ? `inline[${(t.children ?? []).map((c) => c.type).join(',')}]` : t.type));
}

function inlineText(tokens: Token[]): string {
  return tokens
    .filter((t) => t.type === 'inline')
    .map((t) =>
      (t.children ?? [])
        .map((c) => (c.type === 'hardbreak' ? '\n' : c.type === 'softbreak' ? '\n' : c.type === 'code_inline' ? c.content : c.content))
        .join(''),
    )
    .join('\n\n');
}

const link = (url: string, ...children: SerializedNode[]): SerializedNode => ({ type: 'link', url, version: 1, children });
const list = (listType: string, start: number, ...children: SerializedNode[]): SerializedNode => ({ type: 'list', listType, start, version: 1, children });
const item = (...children: SerializedNode[]): SerializedNode => ({ type: 'listitem', version: 1, children });
const br: SerializedNode = { type: 'linebreak', version: 1 };

describe('Markdown serializer, read back by markdown-it', () => {
  it('gives the expected tree for rich content', () => {
    const markdown = render(
      heading('h3', text('Timeline')),
      paragraph(text('plain '), text('bold', 1), text(' '), text('italic', 2), text(' '), text('gone', 4), text(' '), text('x = `y`', 16), br, text('next line')),
      paragraph(link('https://example.org/a b?q=(1)', text('a '), text('link', 1))),
      list('number', 3, item(text('three')), item(list('bullet', 1, item(text('nested a')), item(text('nested b')))), item(text('four'))),
      { type: 'quote', version: 1, children: [text('plain block quote')] },
      { type: 'code', language: 'ts', version: 1, children: [text('const fence = "```";'), br, text('  indented')] },
    );
    const tokens = md.parse(markdown, {});
    expect(outline(tokens)).toEqual([
      'heading_open', 'inline[text]', 'heading_close',
      'paragraph_open', 'inline[text,strong_open,text,strong_close,text,em_open,text,em_close,text,s_open,text,s_close,text,code_inline,hardbreak,text]', 'paragraph_close',
      'paragraph_open', 'inline[link_open,text,strong_open,text,strong_close,text,link_close]', 'paragraph_close',
      'ordered_list_open',
      'list_item_open', 'paragraph_open', 'inline[text]', 'paragraph_close',
      'bullet_list_open',
      'list_item_open', 'paragraph_open', 'inline[text]', 'paragraph_close', 'list_item_close',
      'list_item_open', 'paragraph_open', 'inline[text]', 'paragraph_close', 'list_item_close',
      'bullet_list_close',
      'list_item_close',
      'list_item_open', 'paragraph_open', 'inline[text]', 'paragraph_close', 'list_item_close',
      'ordered_list_close',
      'blockquote_open', 'paragraph_open', 'inline[text]', 'paragraph_close', 'blockquote_close',
      'fence',
    ]);
    expect(tokens[0]!.tag).toBe('h3');
    const ordered = tokens.find((t) => t.type === 'ordered_list_open')!;
    expect(String(ordered.attrGet('start'))).toBe('3');
    const linkOpen = tokens[7]!.children!.find((t) => t.type === 'link_open')!;
    expect(linkOpen.attrGet('href')).toBe('https://example.org/a%20b?q=(1)');
    expect(tokens[4]!.children!.find((t) => t.type === 'code_inline')!.content).toBe('x = `y`');
    const fence = tokens.at(-1)!;
    expect(fence.info).toBe('ts');
    expect(fence.content).toBe('const fence = "```";\n  indented\n');
  });

  it('keeps adjacent lists of one kind apart', () => {
    const tokens = md.parse(render(list('bullet', 1, item(text('a'))), list('bullet', 1, item(text('b')))), {});
    expect(tokens.filter((t) => t.type === 'bullet_list_open')).toHaveLength(2);
  });

  it('renders a check list with its states', () => {
    const markdown = render(list('check', 1, { ...item(text('done')), checked: true }, item(text('todo'))));
    expect(markdown).toBe('- [x] done\n- [ ] todo\n');
  });

  const hostile = [
    '<script>alert(1)</script>',
    '<img src=x onerror="alert(1)">',
    '<!-- comment --> and &lt;b&gt; and &#x3C;',
    '# not a heading',
    '1. not a list',
    '2) nor this',
    '- nor this',
    '+ nor this',
    '> not a quote',
    '    not code',
    '---',
    '===',
    '```',
    '~~~',
    '| a | b |',
    '*not em* _not em_ **not strong**',
    '[not](a link) ![not](an image) [^1] [ref]: https://x',
    'back\\slash \\* and `ticks`',
    'https://autolink.example <https://x.example> www.example.com',
    'Pandoc: @citation $math$ ^sup^ ~sub~ {#id}',
  ];

  it.each(hostile)('keeps %j as literal text (no HTML, no markup)', (raw) => {
    const tokens = md.parse(render(paragraph(text(raw))), {});
    expect(outline(tokens)).toEqual(['paragraph_open', 'inline[text]', 'paragraph_close']);
    expect(inlineText(tokens)).toBe(raw.replace(/^\s+/, ''));
    expect(md.render(render(paragraph(text(raw))))).not.toMatch(/<(script|img|a |em|strong|code|h1)/);
  });

  it.each(['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', 'file:///etc/passwd', 'dossier://x', 'not a url'])(
    'refuses the link %j and keeps its text',
    (url) => {
      const markdown = render(paragraph(text('see '), link(url, text('this'))));
      const tokens = md.parse(markdown, {});
      expect(tokens.flatMap((t) => t.children ?? []).some((t) => t.type === 'link_open')).toBe(false);
      expect(inlineText(tokens)).toBe('see this');
    },
  );

  it('keeps mailto and http links', () => {
    const tokens = md.parse(render(paragraph(link('mailto:desk@example.org', text('desk')), text(' '), link('http://x.example/', text('x')))), {});
    const hrefs = tokens.flatMap((t) => t.children ?? []).filter((t) => t.type === 'link_open').map((t) => t.attrGet('href'));
    expect(hrefs).toEqual(['mailto:desk@example.org', 'http://x.example/']);
  });

  it('moves whitespace outside emphasis so it still parses as emphasis', () => {
    const tokens = md.parse(render(paragraph(text('a'), text(' bold ', 1), text('b'))), {});
    expect(outline(tokens)[1]).toBe('inline[text,strong_open,text,strong_close,text]');
    expect(inlineText(tokens)).toBe('a bold b');
  });

  it('never ends a paragraph with a dangling hard break, and skips empty blocks', () => {
    expect(render(paragraph(text('end'), br, br), paragraph(), heading('h1'))).toBe('end\n');
  });

  it('refuses content that is not a Lexical state', () => {
    expect(() => noteBodyToMarkdown('{"root":{"type":"nope"}}', noSources, { citationStyle: 'footnotes', obsidian: false })).toThrow(/root/);
  });
});
