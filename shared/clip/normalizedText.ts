/**
 * The normalized text of an article version (`article_versions.content_text`):
 * the coordinate space passages anchor into (UTF-16 offsets) and search indexes.
 * It is derived deterministically from the sanitized HTML by this one function,
 * run on any DOM (jsdom in the main process, the browser's DOM in the reader),
 * so the reader can map a DOM selection back to exactly the same offsets.
 *
 * THE RULE (change it only with a migration that recomputes content_text):
 * 1. Walk the tree in document order. Text comes only from Text nodes.
 * 2. Elements in BLOCK_TAGS (and <br>, <hr>, <img>) end the current block and
 *    start a new one when entered and when left. Every other element is inline.
 * 3. Within a block, every run of whitespace (JS `\s`, which includes NBSP and
 *    line breaks) becomes one U+0020 space; leading and trailing spaces of the
 *    block are dropped. A block with no text is dropped.
 * 4. Blocks are joined with "\n\n".
 * 5. The sanitized HTML is stored already NFC-normalized, so the text is NFC
 *    without any length-changing step here (offsets stay one-to-one with the
 *    DOM's characters, minus collapsed whitespace).
 * Text inside <script>, <style>, <template> and <noscript> is ignored (the
 * sanitizer removes them anyway).
 */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'LI', 'MAIN', 'NAV',
  'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL', 'BR', 'IMG',
]);

const SKIPPED_TAGS: ReadonlySet<string> = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

/** The minimal DOM surface the rule needs (satisfied by jsdom, linkedom and browsers). */
export interface TextDomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly childNodes: ArrayLike<TextDomNode>;
  readonly nodeValue: string | null;
}

/** Where one DOM Text node's characters land in the normalized text. */
export interface TextNodeMapping<N extends TextDomNode = TextDomNode> {
  node: N;
  /** offsets[i] = normalized offset of the node's character i (collapsed spaces share the offset of the kept one); offsets[length] = offset after the node. */
  offsets: number[];
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const WHITESPACE = /\s/;

class Builder<N extends TextDomNode> {
  private readonly blocks: string[] = [];
  /** Length of the final text up to the start of the current block. */
  private blockStart = 0;
  private current = '';
  /** A space is owed before the next visible character of this block. */
  private pendingSpace = false;
  readonly mappings: TextNodeMapping<N>[] = [];

  breakBlock(): void {
    if (this.current.length > 0) {
      this.blocks.push(this.current);
      this.blockStart += this.current.length + 2;
    }
    this.current = '';
    this.pendingSpace = false;
  }

  addText(node: N, data: string): void {
    const offsets = new Array<number>(data.length + 1);
    for (let i = 0; i < data.length; i++) {
      const ch = data[i]!;
      if (WHITESPACE.test(ch)) {
        if (this.current.length > 0) this.pendingSpace = true;
        offsets[i] = this.blockStart + this.current.length;
        continue;
      }
      if (this.pendingSpace) {
        this.current += ' ';
        this.pendingSpace = false;
      }
      offsets[i] = this.blockStart + this.current.length;
      this.current += ch;
    }
    offsets[data.length] = this.blockStart + this.current.length;
    this.mappings.push({ node, offsets });
  }

  finish(): string {
    this.breakBlock();
    return this.blocks.join('\n\n');
  }
}

/** The normalized text of a DOM subtree, with where each Text node's characters land. */
export function normalizedTextWithMap<N extends TextDomNode>(root: N): { text: string; mappings: TextNodeMapping<N>[] } {
  const builder = new Builder<N>();
  // Iterative walk: clipped pages can nest deeper than the JS stack allows.
  const stack: { node: N; leaving: boolean }[] = [{ node: root, leaving: false }];
  while (stack.length > 0) {
    const { node, leaving } = stack.pop()!;
    if (node.nodeType === TEXT_NODE) {
      builder.addText(node, node.nodeValue ?? '');
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE && node.nodeType !== 11 && node.nodeType !== 9) continue;
    const name = node.nodeName.toUpperCase();
    if (SKIPPED_TAGS.has(name)) continue;
    const isBlock = BLOCK_TAGS.has(name);
    if (leaving) {
      if (isBlock) builder.breakBlock();
      continue;
    }
    if (isBlock) builder.breakBlock();
    stack.push({ node, leaving: true });
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i] as N, leaving: false });
  }
  const text = builder.finish();
  return { text, mappings: builder.mappings };
}

/** The normalized text of a DOM subtree (see the rule above). */
export function domToNormalizedText(root: TextDomNode): string {
  return normalizedTextWithMap(root).text;
}

/** Token count used for word counts: runs of Unicode letters, digits and marks. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}\p{M}]+/gu)?.length ?? 0;
}
