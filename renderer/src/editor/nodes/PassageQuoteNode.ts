import { ElementNode, type DOMExportOutput, type ElementDOMSlot, type LexicalUpdateJSON, type NodeKey, type SerializedElementNode } from 'lexical';
import { createCitationChip, readPassageId } from './quoteDom';

export type SerializedPassageQuoteNode<Type extends string> = SerializedElementNode & { type: Type; passageId: number | null };

/**
 * What the block and inline quote nodes share: the passage link, and a DOM of
 * an outer wrapper holding the quoted words (`textTag`, Lexical's slot) and a
 * citation chip outside the text, so reconciliation never touches the chip.
 */
export abstract class PassageQuoteNode extends ElementNode {
  __passageId: number | null;

  constructor(passageId: number | null = null, key?: NodeKey) {
    super(key);
    this.__passageId = passageId;
  }

  /** The element that holds the quoted words: blockquote or q. */
  protected abstract textTag(): 'blockquote' | 'q';
  protected abstract createWrapperDOM(): { wrapper: HTMLElement; chip: HTMLElement };

  override updateFromJSON(json: LexicalUpdateJSON<SerializedPassageQuoteNode<string>>): this {
    return super.updateFromJSON(json).setPassageId(readPassageId(json.passageId));
  }

  override exportJSON(): SerializedPassageQuoteNode<string> {
    return { ...super.exportJSON(), type: this.getType(), passageId: this.getPassageId() };
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
    const { wrapper, chip } = this.createWrapperDOM();
    wrapper.dataset.passageId = String(this.__passageId ?? '');
    const text = document.createElement(this.textTag());
    text.className = `${wrapper.className}-text`;
    wrapper.append(text, chip);
    return wrapper;
  }

  override updateDOM(prevNode: PassageQuoteNode): boolean {
    return prevNode.__passageId !== this.__passageId;
  }

  override getDOMSlot(element: HTMLElement): ElementDOMSlot<HTMLElement> {
    return super.getDOMSlot(element).withElement(element.querySelector<HTMLElement>(`:scope > ${this.textTag()}`) ?? element);
  }

  override exportDOM(): DOMExportOutput {
    const element = document.createElement(this.textTag());
    if (this.__passageId !== null) element.dataset.dossierPassageId = String(this.__passageId);
    return { element };
  }

  override canBeEmpty(): false {
    return false;
  }

  /** Copying part of a quote keeps the link (the copy is then flagged altered, which is the truth). */
  override extractWithChild(): boolean {
    return true;
  }

  protected chip(tag: 'figcaption' | 'sup'): HTMLElement {
    return createCitationChip(tag, this.__passageId);
  }
}
