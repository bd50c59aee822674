import { domPositionAt, normalizedText, textOffsetOf, type NormalizedText, type TextTreeNode } from '../../../../shared/text/normalizedText';

/**
 * The rendered article's text map: the same walk that defines content_text
 * (shared/text/normalizedText.ts), run over the reader's DOM, so a passage's
 * offsets and a DOM selection convert both ways.
 */
export type ArticleTextMap = NormalizedText<Node & TextTreeNode>;

export function buildTextMap(container: HTMLElement): ArticleTextMap {
  return normalizedText(container as unknown as Node & TextTreeNode);
}

export function rangeFor(map: ArticleTextMap, start: number, end: number): StaticRange | null {
  const from = domPositionAt(map, start, 'start');
  const to = domPositionAt(map, end, 'end');
  if (!from || !to) return null;
  return new StaticRange({ startContainer: from.node, startOffset: from.offset, endContainer: to.node, endOffset: to.offset });
}

export function liveRange(range: StaticRange): Range {
  const live = document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live;
}

/**
 * The text offset of a DOM boundary point. Points between elements or in
 * text that contributed nothing resolve to the nearest text that did: forward
 * for a start, backward for an end.
 */
export function offsetOfBoundary(map: ArticleTextMap, root: Node, container: Node, offset: number, side: 'start' | 'end'): number | null {
  if (container.nodeType === Node.TEXT_NODE) {
    const direct = textOffsetOf(map, container as Node & TextTreeNode, offset);
    if (direct !== null) return direct;
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let node: Node | null;
  if (container.nodeType === Node.TEXT_NODE) {
    walker.currentNode = container;
    node = side === 'start' ? walker.nextNode() : walker.previousNode();
  } else {
    const child = container.childNodes[offset] ?? null;
    if (side === 'start') {
      walker.currentNode = child ?? container;
      node = child && child.nodeType === Node.TEXT_NODE ? child : walker.nextNode();
    } else {
      walker.currentNode = child ?? lastDescendant(container);
      node = child === null && walker.currentNode.nodeType === Node.TEXT_NODE ? walker.currentNode : walker.previousNode();
    }
  }
  while (node) {
    const value = node.nodeValue ?? '';
    const found = textOffsetOf(map, node as Node & TextTreeNode, side === 'start' ? 0 : value.length);
    if (found !== null) return found;
    node = side === 'start' ? walker.nextNode() : walker.previousNode();
  }
  return null;
}

function lastDescendant(node: Node): Node {
  let current = node;
  while (current.lastChild) current = current.lastChild;
  return current;
}
