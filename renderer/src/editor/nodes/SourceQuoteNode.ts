import { $applyNodeReplacement, type ElementNode, $createParagraphNode, type LexicalNode, type RangeSelection } from 'lexical';
import { QUOTE_BLOCK_TYPE } from '../../../../shared/notes/quoteNodes';
import { asElementConfig, PassageQuoteNode, type LexicalNodeConfigOf, type SerializedPassageQuoteNode } from './PassageQuoteNode';
import { createParagraphButton, passageIdFromDom } from './quoteDom';

export type SerializedSourceQuoteNode = SerializedPassageQuoteNode<typeof QUOTE_BLOCK_TYPE>;

/**
 * A block quote of a passage (not Lexical's own QuoteNode, a plain blockquote
 * with no source): its children are the quoted words (editable, so an edit is
 * visible and detected), in a <blockquote> inside a <figure> whose caption is
 * the citation chip.
 */
export class SourceQuoteNode extends PassageQuoteNode {
  override $config(): LexicalNodeConfigOf<ElementNode> {
    return asElementConfig(this.config(QUOTE_BLOCK_TYPE, {
      extends: PassageQuoteNode,
      importDOM: {
        blockquote: (element: HTMLElement) =>
          element.dataset.dossierPassageId === undefined
            ? null
            : { conversion: () => ({ node: $createSourceQuoteNode(passageIdFromDom(element)) }), priority: 2 },
      },
    }));
  }

  protected override textTag(): 'blockquote' {
    return 'blockquote';
  }

  protected override createWrapperDOM(): { wrapper: HTMLElement; chip: HTMLElement } {
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

  /** Enter at the end leaves the quote; a split keeps the first part as the (now altered) quote. */
  override insertNewAfter(_selection: RangeSelection, restoreSelection = true): LexicalNode {
    const paragraph = $createParagraphNode();
    this.insertAfter(paragraph, restoreSelection);
    return paragraph;
  }
}

export function $createSourceQuoteNode(passageId: number | null): SourceQuoteNode {
  return $applyNodeReplacement(new SourceQuoteNode()).setPassageId(passageId);
}

export function $isSourceQuoteNode(node: LexicalNode | null | undefined): node is SourceQuoteNode {
  return node instanceof SourceQuoteNode;
}
