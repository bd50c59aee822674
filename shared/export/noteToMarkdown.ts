import { parseEditorState, type SerializedNode } from '../notes/editorState';
import { QUOTE_BLOCK_TYPE, QUOTE_INLINE_TYPE } from '../notes/quoteNodes';
import { isAltered } from '../text/quoteIntegrity';
import { fullCitation, inlineAttribution, type QuoteVerdict } from './citation';
import { codeFence, codeSpan, escapeHeading, escapeInline, linkDestination, protectLineStart, safeLinkUrl } from './escape';
import { noteFrontmatter } from './frontmatter';
import type { CitationSource, CitedArticle, MarkdownOptions, NoteForExport } from './types';

/** Lexical TextNode format bits (lexical/src/LexicalConstants.ts). */
const FORMAT_BOLD = 1;
const FORMAT_ITALIC = 1 << 1;
const FORMAT_STRIKETHROUGH = 1 << 2;
const FORMAT_CODE = 1 << 4;

const INLINE_TYPES = new Set(['text', 'linebreak', 'tab', 'link', 'autolink', 'mark', 'code-highlight', QUOTE_INLINE_TYPE]);
const HARD_BREAK = '\\\n';

export interface ExportedQuote {
  passageId: number | null;
  articleId: number | null;
  kind: 'block' | 'inline';
  altered: boolean;
  status: 'ok' | 'changed' | 'orphan' | 'missing';
  blockId?: string;
}

export interface RenderedBody {
  /** CommonMark body including footnote definitions. */
  markdown: string;
  /** Every article cited, in order of first citation. */
  cited: CitedArticle[];
  quotes: ExportedQuote[];
}

export interface RenderedNote extends RenderedBody {
  /** Frontmatter + body: the file's content. */
  document: string;
}

/** A note as a complete Markdown file: YAML frontmatter, then the body with its citations. */
export function noteToMarkdown(note: NoteForExport, source: CitationSource, options: MarkdownOptions): RenderedNote {
  const body = noteBodyToMarkdown(note.contentJson, source, options);
  const document = `${noteFrontmatter(note, body.cited)}\n${body.markdown}`;
  return { ...body, document };
}

/** Serialized Lexical JSON → CommonMark with quote citations (footnotes or inline links). */
export function noteBodyToMarkdown(contentJson: string, source: CitationSource, options: MarkdownOptions): RenderedBody {
  const state = parseEditorState(contentJson);
  const renderer = new BodyRenderer(source, options);
  let markdown = renderer.blocks(state.root.children);
  if (renderer.footnotes.length > 0) {
    markdown += `${markdown === '' ? '' : '\n\n'}${renderer.footnotes.map((text, i) => `[^${i + 1}]: ${text}`).join('\n')}`;
  }
  return { markdown: markdown === '' ? '' : `${markdown}\n`, cited: [...renderer.cited.values()], quotes: renderer.quotes };
}

class BodyRenderer {
  readonly footnotes: string[] = [];
  readonly cited = new Map<number, CitedArticle>();
  readonly quotes: ExportedQuote[] = [];
  private readonly blockIdUses = new Map<number, number>();
  /** Block id earned by an inline quote in the block being rendered (Obsidian). */
  private pendingBlockId: string | undefined;

  constructor(
    private readonly source: CitationSource,
    private readonly options: MarkdownOptions,
  ) {}

  blocks(children: SerializedNode[]): string {
    const out: string[] = [];
    let previousList: string | undefined;
    let alternate = false;
    for (const child of children) {
      // Two adjacent lists of one kind would merge in Markdown: alternate their marker.
      const listKind = child.type === 'list' ? String(child.listType ?? 'bullet') : undefined;
      alternate = listKind !== undefined && listKind === previousList ? !alternate : false;
      const text = this.block(child, alternate);
      previousList = listKind;
      if (text !== '') out.push(text);
    }
    return out.join('\n\n');
  }

  private block(node: SerializedNode, alternateMarker = false): string {
    switch (node.type) {
      case 'paragraph':
        return this.withInlineBlockId(() => this.paragraph(node.children ?? []));
      case 'heading': {
        const level = Math.min(6, Math.max(1, Number(/^h([1-6])$/.exec(String(node.tag))?.[1] ?? 1)));
        // Obsidian links headings by their text, so a heading never gets a block id.
        const text = this.inline(node.children ?? [], 'heading').replace(/\\?\n/g, ' ').trim();
        this.pendingBlockId = undefined;
        return text === '' ? '' : `${'#'.repeat(level)} ${text}`;
      }
      case 'quote':
        return prefixLines(this.withInlineBlockId(() => this.mixed(node.children ?? [])), '> ');
      case QUOTE_BLOCK_TYPE:
        return this.blockQuote(node);
      case 'list':
        return this.list(node, alternateMarker);
      case 'code':
        return this.codeBlock(node);
      case 'horizontalrule':
        return '---';
      default:
        if (INLINE_TYPES.has(node.type)) return this.paragraph([node]);
        return this.mixed(node.children ?? []);
    }
  }

  /** Children that may be inline runs, blocks or both (a hostile or future node type). */
  private mixed(children: SerializedNode[]): string {
    const parts: string[] = [];
    let run: SerializedNode[] = [];
    const flush = (): void => {
      const text = this.paragraph(run);
      if (text !== '') parts.push(text);
      run = [];
    };
    for (const child of children) {
      if (INLINE_TYPES.has(child.type) || !Array.isArray(child.children)) run.push(child);
      else {
        flush();
        const text = this.block(child);
        if (text !== '') parts.push(text);
      }
    }
    flush();
    return parts.join('\n\n');
  }

  private paragraph(children: SerializedNode[]): string {
    let text = this.inline(children, 'text');
    // A hard break cannot end a paragraph (CommonMark would print the backslash).
    while (text.endsWith(HARD_BREAK)) text = text.slice(0, -HARD_BREAK.length);
    return text.split('\n').map(protectLineStart).join('\n').trim();
  }

  private withInlineBlockId(render: () => string): string {
    this.pendingBlockId = undefined;
    const text = render();
    const id = this.pendingBlockId;
    this.pendingBlockId = undefined;
    return text !== '' && id ? `${text} ^${id}` : text;
  }

  inline(children: SerializedNode[], mode: 'text' | 'heading'): string {
    return children.map((child) => this.inlineNode(child, mode)).join('');
  }

  private inlineNode(node: SerializedNode, mode: 'text' | 'heading'): string {
    switch (node.type) {
      case 'linebreak':
        return HARD_BREAK;
      case 'tab':
        return '\t';
      case 'link':
      case 'autolink': {
        const inner = this.inline(node.children ?? [], mode);
        const url = safeLinkUrl(node.url);
        if (!url) return inner;
        return `[${inner === '' ? escapeInline(url) : inner}](${linkDestination(url)})`;
      }
      case QUOTE_INLINE_TYPE:
        return this.inlineQuote(node, mode);
      default:
        if (typeof node.text === 'string') return formatText(node.text, Number(node.format ?? 0), mode);
        return this.inline(node.children ?? [], mode);
    }
  }

  private inlineQuote(node: SerializedNode, mode: 'text' | 'heading'): string {
    const inner = this.inline(node.children ?? [], mode).trim();
    const cite = this.cite(node, 'inline');
    if (cite.blockId && !this.pendingBlockId) this.pendingBlockId = cite.blockId;
    return `“${inner}”${cite.marker}`;
  }

  private blockQuote(node: SerializedNode): string {
    // Children are inline by the storage format; a multi-paragraph quote from elsewhere still renders as paragraphs.
    const inner = this.mixed(node.children ?? []);
    const cite = this.cite(node, 'block');
    const quoted = prefixLines(`${inner}${cite.marker}`, '> ');
    return cite.blockId ? `${quoted}\n\n^${cite.blockId}` : quoted;
  }

  /** Registers one quote: its verdict, footnote (or inline attribution) and Obsidian block id. */
  private cite(node: SerializedNode, kind: 'block' | 'inline'): { marker: string; blockId?: string } {
    const passageId = typeof node.passageId === 'number' ? node.passageId : null;
    const passage = passageId === null ? undefined : this.source.passage(passageId);
    const verdict: QuoteVerdict = { passage, altered: passage ? isAltered(plainText(node), passage.exact) : false };
    if (passage && !this.cited.has(passage.article.id)) this.cited.set(passage.article.id, passage.article);
    const blockId = this.options.obsidian && passageId !== null ? this.nextBlockId(passageId) : undefined;
    this.quotes.push({
      passageId,
      articleId: passage?.article.id ?? null,
      kind,
      altered: verdict.altered,
      status: passage ? passage.status : 'missing',
      ...(blockId ? { blockId } : {}),
    });
    if (this.options.citationStyle === 'inline') return { marker: ` ${inlineAttribution(verdict)}`, ...(blockId ? { blockId } : {}) };
    this.footnotes.push(fullCitation(verdict, passage ? this.localCopyLink(passage.article.id) : undefined));
    return { marker: `[^${this.footnotes.length}]`, ...(blockId ? { blockId } : {}) };
  }

  /** `quote-<passageId>`, then `quote-<passageId>-2`…: stable across re-exports of the same note. */
  private nextBlockId(passageId: number): string {
    const uses = (this.blockIdUses.get(passageId) ?? 0) + 1;
    this.blockIdUses.set(passageId, uses);
    return uses === 1 ? `quote-${passageId}` : `quote-${passageId}-${uses}`;
  }

  private localCopyLink(articleId: number): string | undefined {
    const path = this.options.sourcePath?.(articleId);
    if (!path) return undefined;
    if (this.options.obsidian) return `Local copy: [[${path}|${path.split('/').at(-1)}]].`;
    return `[Local copy](${linkDestination(`${path.split('/').map(encodeURIComponent).join('/')}.md`)}).`;
  }

  private list(node: SerializedNode, alternateMarker: boolean): string {
    const ordered = node.listType === 'number';
    const check = node.listType === 'check';
    const bullet = alternateMarker ? '*' : '-';
    const delimiter = alternateMarker ? ')' : '.';
    let number = Number.isSafeInteger(node.start) ? Math.max(0, Number(node.start)) : 1;
    const items: string[] = [];
    let previousIndent = 2;
    for (const item of node.children ?? []) {
      const children = item.children ?? [];
      const nestedOnly = children.length > 0 && children.every((c) => c.type === 'list');
      if (nestedOnly && items.length > 0) {
        // Lexical keeps a nested list in its own item right after its parent item.
        const nested = children.map((c) => this.list(c, false)).join('\n');
        items[items.length - 1] += `\n${indentLines(nested, previousIndent)}`;
        continue;
      }
      let marker = ordered ? `${number}${delimiter}` : bullet;
      if (check) marker += item.checked === true ? ' [x]' : ' [ ]';
      number += 1;
      previousIndent = (ordered ? marker.length : 1) + 1;
      const content = this.withInlineBlockId(() => this.mixed(children));
      const [first = '', ...rest] = content.split('\n');
      items.push([`${marker} ${first}`.trimEnd(), ...rest.map((line) => (line === '' ? '' : ' '.repeat(previousIndent) + line))].join('\n'));
    }
    return items.join('\n');
  }

  private codeBlock(node: SerializedNode): string {
    const code = codeText(node.children ?? []);
    const language = typeof node.language === 'string' && /^[\w+#.-]{1,32}$/.test(node.language) ? node.language : '';
    const fence = codeFence(code);
    return `${fence}${language}\n${code}\n${fence}`;
  }
}

function formatText(raw: string, format: number, mode: 'text' | 'heading'): string {
  if (raw === '') return '';
  if (format & FORMAT_CODE) return wrap(codeSpan(raw), format);
  const escaped = (mode === 'heading' ? escapeHeading(raw) : escapeInline(raw)).replace(/\r?\n/g, HARD_BREAK);
  return wrap(escaped, format);
}

/** Emphasis markers hug the text: whitespace moves outside them, or CommonMark ignores them. */
function wrap(text: string, format: number): string {
  let open = '';
  if (format & FORMAT_BOLD) open += '**';
  if (format & FORMAT_ITALIC) open += '*';
  if (format & FORMAT_STRIKETHROUGH) open = `~~${open}`;
  if (open === '') return text;
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  if (match[2] === '') return text;
  const close = [...open].reverse().join('');
  return `${match[1]}${open}${match[2]}${close}${match[3]}`;
}

function codeText(children: SerializedNode[]): string {
  return children
    .map((c) => (c.type === 'linebreak' ? '\n' : c.type === 'tab' ? '\t' : typeof c.text === 'string' ? c.text : codeText(c.children ?? [])))
    .join('');
}

function plainText(node: SerializedNode): string {
  if (node.type === 'linebreak') return '\n';
  if (typeof node.text === 'string') return node.text;
  const children = node.children ?? [];
  const hasBlocks = children.some((c) => Array.isArray(c.children) && !INLINE_TYPES.has(c.type));
  return children.map(plainText).join(hasBlocks ? '\n\n' : '');
}

function prefixLines(text: string, prefix: string): string {
  if (text === '') return '';
  return text
    .split('\n')
    .map((line) => (line === '' ? prefix.trimEnd() : prefix + line))
    .join('\n');
}

function indentLines(text: string, width: number): string {
  const pad = ' '.repeat(width);
  return text
    .split('\n')
    .map((line) => (line === '' ? '' : pad + line))
    .join('\n');
}
