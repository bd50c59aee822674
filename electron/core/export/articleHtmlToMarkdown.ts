import TurndownService from 'turndown';
import { strikethrough, tables } from 'turndown-plugin-gfm';
import { codeFence, escapeInline, linkDestination, safeLinkUrl } from '../../../shared/export/escape';
import { ASSET_SCHEME } from '../../../shared/html/articleHtmlPolicy';

/**
 * A clipped article's clean HTML as CommonMark/GFM: headings, paragraphs,
 * lists, block quotes, tables, emphasis, code, links and images, so the
 * evidence trail (who linked to what) survives an export.
 *
 * The same rules as note export (shared/export/escape.ts): every text node is
 * escaped (it can never become markup, raw HTML, an entity or a Pandoc
 * citation); links survive only as http(s)/mailto (safeLinkUrl), anything
 * else keeps its text and loses its target; images only when they are a
 * stored asset, pointed at by relative path; no raw HTML is ever emitted
 * (Turndown's "keep" output is replaced by the element's converted content).
 *
 * Turndown parses with its own DOM (domino): parsing runs no script and loads
 * nothing, and the input is already the sanitized clean HTML.
 */
export interface ArticleMarkdownOptions {
  /** The relative path of a stored asset, or undefined when the export does not carry it. */
  assetPath: (sha256: string) => string | undefined;
}

export interface ArticleMarkdown {
  markdown: string;
  /** Assets the body shows inline (the rest are listed after it). */
  usedAssets: Set<string>;
}

/** Escapes a text node: inline markup always, block markers where the text starts (harmless mid-line). */
function escapeText(text: string): string {
  return escapeInline(text)
    .replace(/^(\s*)(#|[-+=:]|>)/, '$1\\$2')
    .replace(/^(\s*)(\d{1,9})([.)])/, '$1$2\\$3');
}

interface PlainNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<PlainNode>;
}

const BLOCK_IN_CODE = new Set(['P', 'DIV', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TR', 'BLOCKQUOTE']);

/** A code block's text as the reader shows it: <br> and nested blocks are line breaks (Turndown's own rule drops them). */
function codeText(node: PlainNode): string {
  if (node.nodeType === 3) return node.nodeValue ?? '';
  if (node.nodeName === 'BR') return '\n';
  const inner = Array.from(node.childNodes, codeText).join('');
  return BLOCK_IN_CODE.has(node.nodeName) ? `\n${inner}\n` : inner;
}

type TurndownNode = TurndownService.Node & { getAttribute(name: string): string | null; rows?: ArrayLike<{ cells: ArrayLike<unknown> }> };

export function articleHtmlToMarkdown(html: string, options: ArticleMarkdownOptions): ArticleMarkdown {
  const usedAssets = new Set<string>();
  const service = new TurndownService({
    headingStyle: 'atx',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    emDelimiter: '_',
    strongDelimiter: '**',
    // "keep" would copy the element's HTML verbatim: never raw HTML in an export.
    keepReplacement: (content, node) => ((node as { isBlock?: boolean }).isBlock ? `\n\n${content}\n\n` : content),
  });
  service.use([tables, strikethrough]);
  service.escape = escapeText;

  service.addRule('safeLink', {
    filter: 'a',
    replacement: (content, node) => {
      const href = safeLinkUrl((node as TurndownNode).getAttribute('href'));
      if (!href || content.trim() === '') return content;
      return `[${content}](${linkDestination(href)})`;
    },
  });
  service.addRule('storedImage', {
    filter: 'img',
    replacement: (_content, node) => {
      const src = (node as TurndownNode).getAttribute('src') ?? '';
      if (!src.startsWith(ASSET_SCHEME)) return '';
      const sha = src.slice(ASSET_SCHEME.length).toLowerCase();
      const path = options.assetPath(sha);
      if (!path) return '';
      usedAssets.add(sha);
      const alt = escapeInline(((node as TurndownNode).getAttribute('alt') ?? '').replace(/\s+/g, ' ').trim());
      return `![${alt}](${linkDestination(path)})`;
    },
  });
  service.addRule('codeBlock', {
    filter: 'pre',
    replacement: (_content, node) => {
      const code = codeText(node as unknown as PlainNode).replace(/^\n+|\n+$/g, '');
      const fence = codeFence(code);
      return `\n\n${fence}\n${code}\n${fence}\n\n`;
    },
  });
  // GFM tables need a header row; the GFM plugin keeps tables without one as raw HTML. Give them an empty header.
  service.addRule('headerlessTable', {
    filter: (node) => {
      if (node.nodeName !== 'TABLE') return false;
      const first = (node as unknown as TurndownNode).rows?.[0] as unknown as { parentNode?: { nodeName: string }; childNodes: ArrayLike<{ nodeName: string }> } | undefined;
      if (!first) return false;
      const heading = first.parentNode?.nodeName === 'THEAD' || Array.from(first.childNodes).every((n) => n.nodeName === 'TH');
      return !heading;
    },
    replacement: (content, node) => {
      const columns = Math.max(1, ...Array.from((node as TurndownNode).rows ?? [], (row) => row.cells.length));
      const header = `|${'  |'.repeat(columns)}`;
      const rule = `|${' --- |'.repeat(columns)}`;
      return `\n\n${header}\n${rule}\n${content.replace(/^\n+/, '').replace(/\n+$/, '')}\n\n`;
    },
  });

  const markdown = service.turndown(html).replace(/\n{3,}/g, '\n\n').trim();
  return { markdown, usedAssets };
}
