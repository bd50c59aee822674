import type { SerializedEditorState, SerializedNode } from './editorState';
import { QUOTE_BLOCK_TYPE, QUOTE_INLINE_TYPE, isSerializedQuote } from './quoteNodes';

/** One quote node found in a note, in document order. */
export interface QuoteInNote {
  ordinal: number;
  kind: 'block' | 'inline';
  passageId: number | null;
  /** The quoted words as the note holds them now (line breaks as "\n"). */
  text: string;
}

/** Every quote node of a serialized note, outermost only (a quote nested in a quote is part of its text). */
export function quotesInNote(state: SerializedEditorState): QuoteInNote[] {
  const found: QuoteInNote[] = [];
  const stack: SerializedNode[] = [...state.root.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isSerializedQuote(node)) {
      const passageId = typeof node.passageId === 'number' && Number.isSafeInteger(node.passageId) && node.passageId > 0 ? node.passageId : null;
      found.push({ ordinal: found.length, kind: node.type === QUOTE_BLOCK_TYPE ? 'block' : 'inline', passageId, text: quotedText(node) });
      continue;
    }
    if (Array.isArray(node.children)) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return found;
}

function quotedText(node: SerializedNode): string {
  if (node.type === 'linebreak') return '\n';
  if (typeof node.text === 'string') return node.text;
  const children = node.children ?? [];
  return children.map(quotedText).join('');
}

/** The serialized node for a new quote of `text` (what the editor's QuoteNode / InlineQuoteNode export). */
export function serializedQuote(kind: 'block' | 'inline', passageId: number, text: string): SerializedNode {
  const textNode = { type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' };
  return {
    type: kind === 'block' ? QUOTE_BLOCK_TYPE : QUOTE_INLINE_TYPE,
    version: 1,
    passageId,
    direction: null,
    format: '',
    indent: 0,
    children: [textNode],
  };
}

/**
 * Appends a quote at the end of a serialized note, as the note gets it when no
 * editor places it at a cursor: a block quote followed by an empty paragraph
 * (so writing continues below it), or an inline quote in a paragraph of its own.
 */
export function appendQuote(state: SerializedEditorState, kind: 'block' | 'inline', passageId: number, text: string): void {
  const quote = serializedQuote(kind, passageId, text);
  const paragraph = (children: SerializedNode[]): SerializedNode => ({ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children });
  state.root.children.push(...(kind === 'block' ? [quote, paragraph([])] : [paragraph([quote])]));
}
