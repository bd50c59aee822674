import {
  $getState,
  $setState,
  createState,
  ElementNode,
  type DOMExportOutput,
  type ElementDOMSlot,
  type SerializedElementNode,
} from 'lexical';
import { createCitationChip, readPassageId } from './quoteDom';

export type SerializedPassageQuoteNode<Type extends string> = SerializedElementNode & { type: Type; passageId: number | null };

/**
 * The quoted passage, as Lexical NodeState. `flat` keeps it a top-level `passageId`
 * property of the node's JSON, as stored in every note before NodeState (the format
 * shared/notes/quoteNodes.ts fixes); junk ids read as null (unlinked), never as a number.
 */
export const passageIdState = createState('passageId', { parse: readPassageId });

/** ElementNode's own `$config()` type names a `$transform` every override would have to repeat; the runtime config is what counts. */
export type LexicalNodeConfigOf<T extends ElementNode> = ReturnType<T['$config']>;
export function asElementConfig(config: unknown): LexicalNodeConfigOf<ElementNode> {
  return config as LexicalNodeConfigOf<ElementNode>;
}

/**
 * What the block and inline quote nodes share: the passage link, and a DOM of
 * an outer wrapper holding the quoted words (`textTag`, Lexical's slot) and a
 * citation chip outside the text, so reconciliation never touches the chip.
 * Each node declares itself with `$config()` (type, `extends`, importDOM; the
 * passageId state here); Lexical derives clone and importJSON from it.
 */
export class PassageQuoteNode extends ElementNode {
  // Never registered itself (only its two subclasses are): it declares the state both carry.
  override $config(): LexicalNodeConfigOf<ElementNode> {
    return asElementConfig(this.config('dossier-passage-quote', { extends: ElementNode, stateConfigs: [{ stateConfig: passageIdState, flat: true }] }));
  }

  /** The element that holds the quoted words: blockquote or q. */
  protected textTag(): 'blockquote' | 'q' {
    throw new Error(`${this.getType()} must say which element holds its words`);
  }

  protected createWrapperDOM(): { wrapper: HTMLElement; chip: HTMLElement } {
    throw new Error(`${this.getType()} must build its wrapper`);
  }

  override exportJSON(): SerializedPassageQuoteNode<string> {
    // Always written, null included (NodeState leaves default values out): the server reads every quote's passageId.
    return { ...super.exportJSON(), type: this.getType(), passageId: this.getPassageId() };
  }

  getPassageId(): number | null {
    return $getState(this, passageIdState);
  }

  setPassageId(passageId: number | null): this {
    return $setState(this, passageIdState, passageId);
  }

  override createDOM(): HTMLElement {
    const passageId = $getState(this, passageIdState, 'direct');
    const { wrapper, chip } = this.createWrapperDOM();
    wrapper.dataset.passageId = String(passageId ?? '');
    const text = document.createElement(this.textTag());
    text.className = `${wrapper.className}-text`;
    wrapper.append(text, chip);
    return wrapper;
  }

  override updateDOM(prevNode: PassageQuoteNode): boolean {
    return $getState(prevNode, passageIdState, 'direct') !== $getState(this, passageIdState, 'direct');
  }

  override getDOMSlot(element: HTMLElement): ElementDOMSlot<HTMLElement> {
    return super.getDOMSlot(element).withElement(element.querySelector<HTMLElement>(`:scope > ${this.textTag()}`) ?? element);
  }

  override exportDOM(): DOMExportOutput {
    const element = document.createElement(this.textTag());
    const passageId = this.getPassageId();
    if (passageId !== null) element.dataset.dossierPassageId = String(passageId);
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
    return createCitationChip(tag, $getState(this, passageIdState, 'direct'));
  }
}
