import { $applyNodeReplacement, type ElementNode, type LexicalNode } from 'lexical';
import { QUOTE_INLINE_TYPE } from '../../../../shared/notes/quoteNodes';
import { asElementConfig, PassageQuoteNode, type LexicalNodeConfigOf, type SerializedPassageQuoteNode } from './PassageQuoteNode';
import { passageIdFromDom } from './quoteDom';

export type SerializedInlineQuoteNode = SerializedPassageQuoteNode<typeof QUOTE_INLINE_TYPE>;

/**
 * A quotation inside a sentence: inline, its children are the quoted words in
 * a <q>, followed by a small superscript citation chip outside the text.
 * Typing at its edges goes outside the quote, as with links.
 */
export class InlineQuoteNode extends PassageQuoteNode {
  override $config(): LexicalNodeConfigOf<ElementNode> {
    return asElementConfig(this.config(QUOTE_INLINE_TYPE, {
      extends: PassageQuoteNode,
      importDOM: {
        q: (element: HTMLElement) =>
          element.dataset.dossierPassageId === undefined
            ? null
            : { conversion: () => ({ node: $createInlineQuoteNode(passageIdFromDom(element)) }), priority: 2 },
      },
    }));
  }

  protected override textTag(): 'q' {
    return 'q';
  }

  protected override createWrapperDOM(): { wrapper: HTMLElement; chip: HTMLElement } {
    const wrapper = document.createElement('span');
    wrapper.className = 'diq';
    return { wrapper, chip: this.chip('sup') };
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
  return $applyNodeReplacement(new InlineQuoteNode()).setPassageId(passageId);
}

export function $isInlineQuoteNode(node: LexicalNode | null | undefined): node is InlineQuoteNode {
  return node instanceof InlineQuoteNode;
}
