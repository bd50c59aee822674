import {
  $applyNodeReplacement,
  $createParagraphNode,
  ElementNode,
  type DOMConversionMap,
  type DOMExportOutput,
  type ElementDOMSlot,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type RangeSelection,
  type SerializedElementNode,
} from 'lexical';
import { QUOTE_BLOCK_TYPE } from '../../../../shared/notes/quoteNodes';
import { createCitationChip, passageIdFromDom, readPassageId } from './quoteDom';

export type SerializedQuoteNode = SerializedElementNode & { type: typeof QUOTE_BLOCK_TYPE; passageId: number | null };

/**
 * A block quote of a passage: its children are the quoted words (editable, so
 * an edit is visible and detected), followed by a citation chip that is not
 * part of the text. getDOMSlot keeps Lexical's children inside the <blockquote>
 * so reconciliation never touches the chip.
 */
export class QuoteNode extends ElementNode {
  __passageId: number | null;

  static override getType(): string {
    return QUOTE_BLOCK_TYPE;
  }

  static override clone(node: QuoteNode): QuoteNode {
    return new QuoteNode(node.__passageId, node.__key);
  }

  constructor(passageId: number | null = null, key?: NodeKey) {
    super(key);
    this.__passageId = passageId;
  }

  static override importJSON(json: SerializedQuoteNode): QuoteNode {
    return $createQuoteNode(null).updateFromJSON(json);
  }

  override updateFromJSON(json: LexicalUpdateJSON<SerializedQuoteNode>): this {
    return super.updateFromJSON(json).setPassageId(readPassageId(json.passageId));
  }

  override exportJSON(): SerializedQuoteNode {
    return { ...super.exportJSON(), type: QUOTE_BLOCK_TYPE, passageId: this.getPassageId() };
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
    const figure = document.createElement('figure');
    figure.className = 'dq';
    figure.dataset.passageId = String(this.__passageId ?? '');
    const text = document.createElement('blockquote');
    text.className = 'dq-text';
    figure.append(text, createCitationChip('figcaption', this.__passageId));
    return figure;
  }

  override updateDOM(prevNode: QuoteNode): boolean {
    return prevNode.__passageId !== this.__passageId;
  }

  override getDOMSlot(element: HTMLElement): ElementDOMSlot<HTMLElement> {
    return super.getDOMSlot(element).withElement(element.querySelector<HTMLElement>(':scope > blockquote') ?? element);
  }

  static override importDOM(): DOMConversionMap {
    return {
      blockquote: (element: HTMLElement) =>
        element.dataset.dossierPassageId === undefined ? null : { conversion: () => ({ node: $createQuoteNode(passageIdFromDom(element)) }), priority: 2 },
    };
  }

  override exportDOM(): DOMExportOutput {
    const element = document.createElement('blockquote');
    if (this.__passageId !== null) element.dataset.dossierPassageId = String(this.__passageId);
    return { element };
  }

  /** Enter at the end leaves the quote; a split keeps the first part as the (now altered) quote. */
  override insertNewAfter(_selection: RangeSelection, restoreSelection = true): LexicalNode {
    const paragraph = $createParagraphNode();
    this.insertAfter(paragraph, restoreSelection);
    return paragraph;
  }

  override canBeEmpty(): boolean {
    return false;
  }

  /** Copying part of a quote keeps the link (the copy is then flagged altered, which is the truth). */
  override extractWithChild(): boolean {
    return true;
  }
}

export function $createQuoteNode(passageId: number | null): QuoteNode {
  return $applyNodeReplacement(new QuoteNode(passageId));
}

export function $isQuoteNode(node: LexicalNode | null | undefined): node is QuoteNode {
  return node instanceof QuoteNode;
}
