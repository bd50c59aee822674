import { $applyNodeReplacement, $createParagraphNode, type DOMConversionMap, type LexicalNode, type NodeKey, type RangeSelection } from 'lexical';
import { QUOTE_BLOCK_TYPE } from '../../../../shared/notes/quoteNodes';
import { PassageQuoteNode, type SerializedPassageQuoteNode } from './PassageQuoteNode';
import { createParagraphButton, passageIdFromDom } from './quoteDom';

export type SerializedQuoteNode = SerializedPassageQuoteNode<typeof QUOTE_BLOCK_TYPE>;

/**
 * A block quote of a passage: its children are the quoted words (editable, so
 * an edit is visible and detected), in a <blockquote> inside a <figure> whose
 * caption is the citation chip.
 */
export class QuoteNode extends PassageQuoteNode {
  protected textTag(): 'blockquote' {
    return 'blockquote';
  }

  static override getType(): string {
    return QUOTE_BLOCK_TYPE;
  }

  static override clone(node: QuoteNode): QuoteNode {
    return new QuoteNode(node.__passageId, node.__key);
  }

  constructor(passageId: number | null = null, key?: NodeKey) {
    super(passageId, key);
  }

  static override importJSON(json: SerializedQuoteNode): QuoteNode {
    return $createQuoteNode(null).updateFromJSON(json);
  }

  override exportJSON(): SerializedQuoteNode {
    return { ...super.exportJSON(), type: QUOTE_BLOCK_TYPE };
  }

  protected createWrapperDOM(): { wrapper: HTMLElement; chip: HTMLElement } {
    const wrapper = document.createElement('figure');
    wrapper.className = 'dq';
    return { wrapper, chip: this.chip('figcaption') };
  }

  /** A small "+" above and below (shown on hover and focus within) starts a paragraph there with the mouse. */
  override createDOM(): HTMLElement {
    const element = super.createDOM();
    // After the words and the chip in the DOM (placed by CSS), so the caret never meets them first.
    element.append(createParagraphButton('before'), createParagraphButton('after'));
    return element;
  }

  static override importDOM(): DOMConversionMap {
    return {
      blockquote: (element: HTMLElement) =>
        element.dataset.dossierPassageId === undefined ? null : { conversion: () => ({ node: $createQuoteNode(passageIdFromDom(element)) }), priority: 2 },
    };
  }

  /** Enter at the end leaves the quote; a split keeps the first part as the (now altered) quote. */
  override insertNewAfter(_selection: RangeSelection, restoreSelection = true): LexicalNode {
    const paragraph = $createParagraphNode();
    this.insertAfter(paragraph, restoreSelection);
    return paragraph;
  }
}

export function $createQuoteNode(passageId: number | null): QuoteNode {
  return $applyNodeReplacement(new QuoteNode(passageId));
}

export function $isQuoteNode(node: LexicalNode | null | undefined): node is QuoteNode {
  return node instanceof QuoteNode;
}
