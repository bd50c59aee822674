import type { SerializedNode } from './serializedNode';

/**
 * The serialized shape of quote nodes in a note (Lexical JSON). These `type`
 * strings and fields are a storage format: they never change once landed.
 *
 * - `dossier-quote`: a block quote of a passage; its children are the quoted
 *   text (paragraph-level inline nodes: text, linebreak).
 * - `dossier-inline-quote`: a quotation inside a sentence; inline, its children
 *   are text nodes.
 *
 * Both carry the passage they quote. The quoted words live in the children so
 * the journalist can see (and the app can detect) any edit to them.
 */
export const QUOTE_BLOCK_TYPE = 'dossier-quote';
export const QUOTE_INLINE_TYPE = 'dossier-inline-quote';

export interface SerializedQuoteFields {
  /** passages.id of the quoted passage; null once its article was deleted (the text stays, unlinked). */
  passageId: number | null;
}

export type SerializedQuoteNode = SerializedNode & SerializedQuoteFields & { type: typeof QUOTE_BLOCK_TYPE | typeof QUOTE_INLINE_TYPE };

export function isSerializedQuote(node: SerializedNode): node is SerializedQuoteNode {
  return node.type === QUOTE_BLOCK_TYPE || node.type === QUOTE_INLINE_TYPE;
}
