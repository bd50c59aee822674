import {
  $applyNodeReplacement,
  ElementNode,
  type DOMConversionMap,
  type DOMExportOutput,
  type ElementDOMSlot,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type SerializedElementNode,
} from 'lexical';
import { QUOTE_INLINE_TYPE } from '../../../../shared/notes/quoteNodes';
import { createCitationChip, passageIdFromDom, readPassageId } from './quoteDom';

export type SerializedInlineQuoteNode = SerializedElementNode & { type: typeof QUOTE_INLINE_TYPE; passageId: number | null };

/**
 * A quotation inside a sentence: inline, its children are the quoted words,
 * followed by a small citation chip outside the text (see QuoteNode).
 * Typing at its edges goes outside the quote, as with links.
 */
export class InlineQuoteNode extends ElementNode {
  __passageId: number | null;

  static override getType(): string {
    return QUOTE_INLINE_TYPE;
  }

  static override clone(node: InlineQuoteNode): InlineQuoteNode {
    return new InlineQuoteNode(node.__passageId, node.__key);
  }

  constructor(passageId: number | null = null, key?: NodeKey) {
    super(key);
    this.__passageId = passageId;
  }

  static override importJSON(json: SerializedInlineQuoteNode): InlineQuoteNode {
    return $createInlineQuoteNode(null).updateFromJSON(json);
  }

  override updateFromJSON(json: LexicalUpdateJSON<SerializedInlineQuoteNode>): this {
    return super.updateFromJSON(json).setPassageId(readPassageId(json.passageId));
  }

  override exportJSON(): SerializedInlineQuoteNode {
    return { ...super.exportJSON(), type: QUOTE_INLINE_TYPE, passageId: this.getPassageId() };
  }

  getPassageId(): number | null {
    return this.getLatest().__passageId;
  }

  setPassageId(passageId: number | null): this {
    const writable = this.getWritable();
    writable.__passageId = passageId;
    return writable;
  }

  override createDOM(): HTMLElement {
    const outer = document.createElement('span');
    outer.className = 'diq';
    outer.dataset.passageId = String(this.__passageId ?? '');
    const text = document.createElement('q');
    text.className = 'diq-text';
    outer.append(text, createCitationChip('sup', this.__passageId));
    return outer;
  }

  override updateDOM(prevNode: InlineQuoteNode): boolean {
    return prevNode.__passageId !== this.__passageId;
  }

  override getDOMSlot(element: HTMLElement): ElementDOMSlot<HTMLElement> {
    return super.getDOMSlot(element).withElement(element.querySelector<HTMLElement>(':scope > q') ?? element);
  }

  static override importDOM(): DOMConversionMap {
    return {
      q: (element: HTMLElement) =>
        element.dataset.dossierPassageId === undefined ? null : { conversion: () => ({ node: $createInlineQuoteNode(passageIdFromDom(element)) }), priority: 2 },
    };
  }

  override exportDOM(): DOMExportOutput {
    const element = document.createElement('q');
    if (this.__passageId !== null) element.dataset.dossierPassageId = String(this.__passageId);
    return { element };
  }

  override isInline(): true {
    return true;
  }

  override canInsertTextBefore(): false {
    return false;
  }

  override canInsertTextAfter(): false {
    return false;
  }

  override canBeEmpty(): false {
    return false;
  }

  override extractWithChild(): boolean {
    return true;
  }
}

export function $createInlineQuoteNode(passageId: number | null): InlineQuoteNode {
  return $applyNodeReplacement(new InlineQuoteNode(passageId));
}

export function $isInlineQuoteNode(node: LexicalNode | null | undefined): node is InlineQuoteNode {
  return node instanceof InlineQuoteNode;
}
