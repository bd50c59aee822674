import { $applyNodeReplacement, type DOMConversionMap, type LexicalNode, type NodeKey } from 'lexical';
import { QUOTE_INLINE_TYPE } from '../../../../shared/notes/quoteNodes';
import { PassageQuoteNode, type SerializedPassageQuoteNode } from './PassageQuoteNode';
import { passageIdFromDom } from './quoteDom';

export type SerializedInlineQuoteNode = SerializedPassageQuoteNode<typeof QUOTE_INLINE_TYPE>;

/**
 * A quotation inside a sentence: inline, its children are the quoted words in
 * a <q>, followed by a small superscript citation chip outside the text.
 * Typing at its edges goes outside the quote, as with links.
 */
export class InlineQuoteNode extends PassageQuoteNode {
  protected textTag(): 'q' {
    return 'q';
  }

  static override getType(): string {
    return QUOTE_INLINE_TYPE;
  }

  static override clone(node: InlineQuoteNode): InlineQuoteNode {
    return new InlineQuoteNode(node.__passageId, node.__key);
  }

  constructor(passageId: number | null = null, key?: NodeKey) {
    super(passageId, key);
  }

  static override importJSON(json: SerializedInlineQuoteNode): InlineQuoteNode {
    return $createInlineQuoteNode(null).updateFromJSON(json);
  }

  override exportJSON(): SerializedInlineQuoteNode {
    return { ...super.exportJSON(), type: QUOTE_INLINE_TYPE };
  }

  protected createWrapperDOM(): { wrapper: HTMLElement; chip: HTMLElement } {
    const wrapper = document.createElement('span');
    wrapper.className = 'diq';
    return { wrapper, chip: this.chip('sup') };
  }

  static override importDOM(): DOMConversionMap {
    return {
      q: (element: HTMLElement) =>
        element.dataset.dossierPassageId === undefined ? null : { conversion: () => ({ node: $createInlineQuoteNode(passageIdFromDom(element)) }), priority: 2 },
    };
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
}

export function $createInlineQuoteNode(passageId: number | null): InlineQuoteNode {
  return $applyNodeReplacement(new InlineQuoteNode(passageId));
}

export function $isInlineQuoteNode(node: LexicalNode | null | undefined): node is InlineQuoteNode {
  return node instanceof InlineQuoteNode;
}
