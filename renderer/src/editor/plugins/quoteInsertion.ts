import {
  $createParagraphNode,
  $createRangeSelection,
  $createTextNode,
  $getNodeByKey,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isParagraphNode,
  $isRangeSelection,
  $isTextNode,
  $setSelection,
  type ElementNode,
  type LexicalNode,
  type RangeSelection,
} from 'lexical';
import { $createInlineQuoteNode, $isInlineQuoteNode } from '../nodes/InlineQuoteNode';
import { $createSourceQuoteNode, $isSourceQuoteNode } from '../nodes/SourceQuoteNode';

export interface SavedPoint {
  /** Child indices from the root down to the point's node: node keys differ between two editors of the same note. */
  path: number[];
  offset: number;
  type: 'text' | 'element';
}

/**
 * Where the writer's cursor was when the editor last had a selection. Lexical
 * clears the editor's selection as soon as the DOM selection moves to the
 * reader, and the note's editor is a new one on the desk, so the desk keeps
 * this copy (a path and an offset) to insert at.
 */
export function $savedPointOf(selection: RangeSelection): SavedPoint {
  // A range in the note is never replaced by a quote: the quote goes at its end.
  const point = selection.isBackward() ? selection.anchor : selection.focus;
  const path: number[] = [];
  for (let node: LexicalNode | null = point.getNode(); node && node.getParent(); node = node.getParent()) path.unshift(node.getIndexWithinParent());
  return { path, offset: point.offset, type: point.type };
}

function $nodeAtPath(path: readonly number[]): LexicalNode | null {
  let node: LexicalNode | null = $getRoot();
  for (const index of path) node = $isElementNode(node) ? node.getChildAtIndex(index) : null;
  return node;
}

/** The saved cursor, if its node is still in the note (clamped to the node's size); else the end of the note. */
export function $restoreCursor(saved: SavedPoint | undefined): RangeSelection {
  const node = saved ? $nodeAtPath(saved.path) : null;
  const selection = $createRangeSelection();
  if (saved && node && ($isTextNode(node) ? saved.type === 'text' : $isElementNode(node) && saved.type === 'element')) {
    const size = $isTextNode(node) ? node.getTextContentSize() : (node as ElementNode).getChildrenSize();
    const offset = Math.min(saved.offset, size);
    selection.anchor.set(node.getKey(), offset, saved.type);
    selection.focus.set(node.getKey(), offset, saved.type);
  } else {
    const root = $getRoot();
    const last = root.getLastChild();
    if ($isElementNode(last) && !$isSourceQuoteNode(last)) {
      const end = last.selectEnd();
      $setSelection(end);
      return end;
    }
    const paragraph = $createParagraphNode();
    root.append(paragraph);
    return paragraph.select();
  }
  $setSelection(selection);
  return selection;
}

function enclosing(node: LexicalNode, test: (n: LexicalNode) => boolean): LexicalNode | null {
  for (let current: LexicalNode | null = node; current; current = current.getParent()) if (test(current)) return current;
  return null;
}

/** The top-level block holding a point (the root's child), or null when the point is on the root itself. */
function topBlockOf(node: LexicalNode): LexicalNode | null {
  if (node === $getRoot()) return null;
  return node.getTopLevelElementOrThrow();
}

/** A paragraph right after `node` to keep writing in: the empty one already there, or a new one. */
function $paragraphAfter(node: LexicalNode): ElementNode {
  const next = node.getNextSibling();
  if ($isParagraphNode(next) && next.getTextContentSize() === 0) return next;
  const paragraph = $createParagraphNode();
  node.insertAfter(paragraph);
  return paragraph;
}

/**
 * Inserts a block quote after the block holding the cursor (an empty
 * paragraph there is replaced), and leaves the cursor in an empty paragraph
 * right after it, so the next quote or sentence follows in order.
 */
export function $insertBlockQuote(passageId: number, text: string, saved: SavedPoint | undefined): LexicalNode {
  const selection = $restoreCursor(saved);
  const quote = $createSourceQuoteNode(passageId).append($createTextNode(text));
  const anchor = selection.anchor.getNode();
  const block = topBlockOf(anchor);
  if (block === null) {
    const root = $getRoot();
    const child = root.getChildAtIndex(Math.max(0, selection.anchor.offset - 1));
    if (child) child.insertAfter(quote);
    else root.append(quote);
  } else if ($isParagraphNode(block) && block.getTextContentSize() === 0) block.replace(quote);
  else block.insertAfter(quote);
  $paragraphAfter(quote).select();
  return quote;
}

/**
 * Inserts an inline quote exactly at the cursor, inside the sentence. A
 * cursor inside another quote moves out first: inside an inline quote, to
 * just after it; inside a block quote, to a new paragraph after it. The
 * cursor ends right after the new quote.
 */
export function $insertInlineQuote(passageId: number, text: string, saved: SavedPoint | undefined): LexicalNode {
  let selection = $restoreCursor(saved);
  const anchor = selection.anchor.getNode();
  const inlineHost = enclosing(anchor, $isInlineQuoteNode);
  const blockHost = enclosing(anchor, $isSourceQuoteNode);
  if (inlineHost) {
    inlineHost.selectNext(0, 0);
  } else if (blockHost) {
    $paragraphAfter(blockHost).select();
  }
  selection = $getSelection() as RangeSelection;
  if (!$isRangeSelection(selection)) throw new Error('No cursor to insert the quote at.');
  const quote = $createInlineQuoteNode(passageId).append($createTextNode(text));
  selection.insertNodes([quote]);
  quote.selectNext(0, 0);
  return quote;
}

/**
 * Keyboard edges of block quotes: a paragraph can always be started above or
 * below one. Returns the new paragraph, or null when the key should do what
 * it always does.
 */
export function $paragraphBesideQuote(where: 'before' | 'after', quoteKey?: string, onlyWhenNothingThere = false): ElementNode | null {
  let quote: LexicalNode | null = null;
  if (quoteKey !== undefined) quote = $getNodeByKey(quoteKey);
  else {
    const selection = $getSelection();
    if (!$isRangeSelection(selection) || !selection.isCollapsed()) return null;
    const anchorNode = selection.anchor.getNode();
    if (anchorNode === $getRoot()) {
      // A caret between blocks (Ctrl+Home before a leading quote lands here): the quote beside it.
      const beside = where === 'before' ? anchorNode.getChildAtIndex(selection.anchor.offset) : anchorNode.getChildAtIndex(selection.anchor.offset - 1);
      if (!$isSourceQuoteNode(beside)) return null;
      if (onlyWhenNothingThere && (where === 'before' ? beside.getPreviousSibling() : beside.getNextSibling())) return null;
      quote = beside;
    }
    const host = quote ?? enclosing(anchorNode, $isSourceQuoteNode);
    if (!host || !$isSourceQuoteNode(host)) return null;
    const atStart = selection.anchor.offset === 0 && isFirstPoint(host, selection.anchor.getNode());
    const atEnd = isLastPoint(host, selection.anchor.getNode(), selection.anchor.offset);
    if (quote === null && where === 'before' && !atStart) return null;
    if (quote === null && where === 'after' && !atEnd) return null;
    if (quote === null && onlyWhenNothingThere && (where === 'before' ? host.getPreviousSibling() : host.getNextSibling())) return null;
    quote = host;
  }
  if (!$isSourceQuoteNode(quote)) return null;
  const paragraph = $createParagraphNode();
  if (where === 'before') quote.insertBefore(paragraph);
  else quote.insertAfter(paragraph);
  paragraph.select();
  return paragraph;
}

function isFirstPoint(host: ElementNode, node: LexicalNode): boolean {
  for (let current: LexicalNode | null = node; current && current !== host; current = current.getParent()) if (current.getPreviousSibling()) return false;
  return true;
}

function isLastPoint(host: ElementNode, node: LexicalNode, offset: number): boolean {
  if ($isTextNode(node) && offset < node.getTextContentSize()) return false;
  if ($isElementNode(node) && offset < node.getChildrenSize()) return false;
  for (let current: LexicalNode | null = node; current && current !== host; current = current.getParent()) if (current.getNextSibling()) return false;
  return true;
}
