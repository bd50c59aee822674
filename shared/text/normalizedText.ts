/**
 * THE definition of an article version's plain text (article_versions.content_text)
 * and of how offsets in it map to the rendered HTML. The clipper derives
 * content_text with normalizedText(); the reader maps DOM selections to
 * offsets and offsets back to DOM ranges with the same walk, so a passage's
 * TextPositionSelector means the same characters everywhere.
 *
 * The rule, applied to the sanitized HTML's body in document order:
 * 1. Text of text nodes only; <script>, <style>, <template>, <noscript>, <svg>,
 *    <math>, <head> and their descendants contribute nothing. Images contribute nothing.
 * 2. Block-level elements (BLOCK_ELEMENTS) start and end a block. Non-empty
 *    blocks are separated by exactly "\n\n"; nested blocks don't add more.
 * 3. <br> is a line break "\n" inside a block.
 * 4. Whitespace (any run of \s, including NBSP, across node boundaries)
 *    collapses to one " "; whitespace at the start or end of a block or line
 *    is dropped. This applies inside <pre> too (one rule, no exceptions).
 * 5. NFC, applied per grapheme-ish cluster (a non-mark character followed by
 *    its combining marks) so each output character maps to one DOM text
 *    position. For all precomposable text this equals String.prototype.normalize('NFC').
 *
 * DOM-free: it walks a minimal node interface that a browser DOM, jsdom and
 * linkedom all satisfy.
 */
export interface TextTreeNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<TextTreeNode>;
}

export const BLOCK_ELEMENTS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'LI', 'MAIN',
  'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);
const SKIPPED_ELEMENTS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SVG', 'MATH', 'HEAD', 'TITLE', 'IFRAME', 'OBJECT']);
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const DOCUMENT_NODE = 9;
const FRAGMENT_NODE = 11;
const WHITESPACE = /[\s\u00A0]/;
const CLUSTER = /\P{M}\p{M}*|\p{M}+/gu;

/** Where one text node's characters landed in the normalized text. */
export interface TextSegment<N extends TextTreeNode = TextTreeNode> {
  node: N;
  /** Offset in the normalized text of the first character from this node. */
  textStart: number;
  /**
   * offsets[i] is the DOM offset (in node.nodeValue) of normalized character
   * textStart + i; one extra entry at the end holds the DOM offset just past
   * the last character taken.
   */
  domOffsets: number[];
}

export interface NormalizedText<N extends TextTreeNode = TextTreeNode> {
  text: string;
  /** In text order; segments never overlap. */
  segments: TextSegment<N>[];
}

export function normalizedText<N extends TextTreeNode>(root: N): NormalizedText<N> {
  const parts: string[] = [];
  let length = 0;
  const segments: TextSegment<N>[] = [];
  let blockHasText = false;
  let needBlockBreak = false;
  let lineHasText = false;
  // Whitespace seen after kept text, owned by the node it came from; emitted as one " " only if more text follows on the line.
  let pendingSpace: { segment: OpenSegment<N>; domOffset: number } | null = null;

  const emit = (chunk: string): void => {
    parts.push(chunk);
    length += chunk.length;
  };

  const close = (segment: OpenSegment<N>, domEnd: number): void => {
    if (segment.closed) return;
    segment.closed = true;
    if (segment.textStart === -1) return;
    segment.domOffsets.push(domEnd);
    segments.push({ node: segment.node, textStart: segment.textStart, domOffsets: segment.domOffsets });
  };

  const dropPendingSpace = (): void => {
    if (!pendingSpace) return;
    const owner = pendingSpace.segment;
    pendingSpace = null;
    if (owner.finished) close(owner, owner.lastKeptEnd);
  };

  const startBlock = (): void => {
    dropPendingSpace();
    if (blockHasText) needBlockBreak = true;
    blockHasText = false;
    lineHasText = false;
  };

  const visitText = (node: N): void => {
    const value = node.nodeValue ?? '';
    const segment: OpenSegment<N> = { node, textStart: -1, domOffsets: [], lastKeptEnd: 0, closed: false, finished: false };
    for (const match of value.matchAll(CLUSTER)) {
      const cluster = match[0];
      const domOffset = match.index;
      if (WHITESPACE.test(cluster)) {
        if (lineHasText && !pendingSpace) pendingSpace = { segment, domOffset };
        continue;
      }
      if (needBlockBreak) {
        emit('\n\n');
        needBlockBreak = false;
      }
      if (pendingSpace) {
        const owner = pendingSpace.segment;
        if (owner.textStart === -1) owner.textStart = length;
        owner.domOffsets.push(pendingSpace.domOffset);
        owner.lastKeptEnd = pendingSpace.domOffset + 1;
        emit(' ');
        pendingSpace = null;
        if (owner !== segment) close(owner, owner.lastKeptEnd);
      }
      const composed = cluster.normalize('NFC');
      if (segment.textStart === -1) segment.textStart = length;
      for (let i = 0; i < composed.length; i++) segment.domOffsets.push(domOffset + Math.min(i, cluster.length - 1));
      segment.lastKeptEnd = domOffset + cluster.length;
      emit(composed);
      blockHasText = true;
      lineHasText = true;
    }
    segment.finished = true;
    if (pendingSpace?.segment !== segment) close(segment, segment.lastKeptEnd);
  };

  // An explicit stack instead of recursion: hostile pages nest elements far deeper than the JS stack.
  // Each element is pushed twice: once to enter it, once (exit) to end its block after its children.
  const stack: Array<{ node: N; exit: boolean }> = [{ node: root, exit: false }];
  while (stack.length > 0) {
    const { node, exit } = stack.pop()!;
    if (exit) {
      startBlock();
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      visitText(node);
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE && node.nodeType !== DOCUMENT_NODE && node.nodeType !== FRAGMENT_NODE) continue;
    const name = node.nodeName.toUpperCase();
    if (SKIPPED_ELEMENTS.has(name)) continue;
    if (name === 'BR') {
      dropPendingSpace();
      if (lineHasText) {
        emit('\n');
        lineHasText = false;
      }
      continue;
    }
    const isBlock = BLOCK_ELEMENTS.has(name);
    if (isBlock) {
      startBlock();
      stack.push({ node, exit: true });
    }
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i] as N, exit: false });
  }

  dropPendingSpace();
  // A node whose only contribution is a space is closed after later nodes: order by text position.
  segments.sort((a, b) => a.textStart - b.textStart);
  return { text: parts.join(''), segments };
}

interface OpenSegment<N extends TextTreeNode> {
  node: N;
  textStart: number;
  domOffsets: number[];
  lastKeptEnd: number;
  closed: boolean;
  /** The walk has left this node (its pending space may still be emitted by a later node). */
  finished: boolean;
}

export function segmentLength(segment: TextSegment): number {
  return segment.domOffsets.length - 1;
}

/** The segment holding normalized offset `offset` (or the nearest one after it, for offsets in block separators). */
function segmentIndexAt(segments: TextSegment[], offset: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid]!.textStart <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The DOM position of a normalized-text offset. `side` says which way to lean
 * when the offset falls between nodes (start of a range leans forward, end leans back).
 */
export function domPositionAt<N extends TextTreeNode>(
  map: NormalizedText<N>,
  offset: number,
  side: 'start' | 'end',
): { node: N; offset: number } | null {
  const { segments } = map;
  if (segments.length === 0) return null;
  let index = segmentIndexAt(segments, offset);
  let segment = segments[index]!;
  const within = offset - segment.textStart;
  if (within < 0) return { node: segment.node, offset: segment.domOffsets[0]! };
  if (within > segmentLength(segment) || (side === 'start' && within === segmentLength(segment))) {
    if (side === 'start' && index + 1 < segments.length) {
      index += 1;
      segment = segments[index]!;
      return { node: segment.node, offset: segment.domOffsets[0]! };
    }
    return { node: segment.node, offset: segment.domOffsets[segmentLength(segment)]! };
  }
  return { node: segment.node, offset: segment.domOffsets[within]! };
}

/**
 * The normalized-text offset of a DOM position inside a text node; null when
 * the node contributed no text. Positions inside collapsed whitespace map to
 * the next kept character.
 */
export function textOffsetOf<N extends TextTreeNode>(map: NormalizedText<N>, node: N, domOffset: number): number | null {
  let found: number | null = null;
  for (const segment of map.segments) {
    if (segment.node !== node) continue;
    const offsets = segment.domOffsets;
    for (let i = 0; i < offsets.length; i++) {
      if (offsets[i]! >= domOffset) return segment.textStart + i;
    }
    found = segment.textStart + offsets.length - 1;
  }
  return found;
}
