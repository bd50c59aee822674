import { DossierError } from '../errors';
import { MAX_NOTE_CONTENT_CHARS, MAX_NOTE_DEPTH, MAX_NOTE_NODES } from '../limits';
import { QUOTE_INLINE_TYPE } from './quoteNodes';

/**
 * Pure helpers over Lexical's *serialized* editor state (the JSON stored in
 * notes.content_json). The main process never trusts text derived by the
 * renderer: it parses the JSON itself, checks its shape, and derives the plain
 * text used for excerpts, search and export. No Lexical runtime needed.
 */

// The shapes live in their own module so quoteNodes.ts can use them without importing this one (no cycle).
export type { SerializedEditorState, SerializedNode } from './serializedNode';
import type { SerializedEditorState, SerializedNode } from './serializedNode';

/** Elements whose children flow inline with their surroundings. */
const INLINE_ELEMENTS = new Set(['link', 'autolink', 'mark', QUOTE_INLINE_TYPE]);
/** Containers whose children are separated by one line break, not a blank line. */
const LINE_CONTAINERS = new Set(['list', 'code']);

export function emptyEditorState(): SerializedEditorState {
  return {
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [
        {
          type: 'paragraph',
          version: 1,
          direction: null,
          format: '',
          indent: 0,
          textFormat: 0,
          textStyle: '',
          children: [],
        },
      ],
    },
  };
}

export function emptyEditorStateJson(): string {
  return JSON.stringify(emptyEditorState());
}

/** Parses and checks a serialized editor state; throws DossierError('invalid_input') with a reason. */
export function parseEditorState(json: string): SerializedEditorState {
  if (json.length > MAX_NOTE_CONTENT_CHARS) {
    throw new DossierError('too_large', `Note content is larger than ${MAX_NOTE_CONTENT_CHARS} characters`);
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new DossierError('invalid_input', 'Note content is not valid JSON');
  }
  if (!isRecord(value) || !isRecord(value.root) || value.root.type !== 'root') {
    throw new DossierError('invalid_input', 'Note content has no root node');
  }
  // Iterative walk: a hostile payload nested 100k deep must not overflow the stack.
  const stack: Array<{ node: unknown; depth: number }> = [{ node: value.root, depth: 0 }];
  let count = 0;
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    count += 1;
    if (count > MAX_NOTE_NODES) throw new DossierError('too_large', 'Note content has too many nodes');
    if (depth > MAX_NOTE_DEPTH) throw new DossierError('invalid_input', 'Note content is nested too deeply');
    if (!isRecord(node) || typeof node.type !== 'string' || node.type === '') {
      throw new DossierError('invalid_input', 'Note content has a node without a type');
    }
    if ('text' in node && typeof node.text !== 'string') {
      throw new DossierError('invalid_input', `A "${node.type}" node has non-text content`);
    }
    if ('children' in node) {
      if (!Array.isArray(node.children)) {
        throw new DossierError('invalid_input', `A "${node.type}" node has malformed children`);
      }
      for (const child of node.children) stack.push({ node: child, depth: depth + 1 });
    }
  }
  if (!Array.isArray(value.root.children)) {
    throw new DossierError('invalid_input', 'Note content root has no children');
  }
  return value as unknown as SerializedEditorState;
}

/** Plain text in the shape Lexical's own getTextContent() gives: blocks split by a blank line. */
export function editorStateToPlainText(state: SerializedEditorState): string {
  return blockChildrenText(state.root.children, '\n\n').trim();
}

function nodeText(node: SerializedNode): string {
  if (node.type === 'linebreak') return '\n';
  if (node.type === 'tab') return '\t';
  if (typeof node.text === 'string') return node.text;
  const children = node.children ?? [];
  if (INLINE_ELEMENTS.has(node.type)) return children.map(nodeText).join('');
  const separator = LINE_CONTAINERS.has(node.type) ? '\n' : '\n\n';
  return blockChildrenText(children, separator);
}

function blockChildrenText(children: SerializedNode[], separator: string): string {
  let out = '';
  let previousWasBlock = false;
  for (const child of children) {
    const isBlock = Array.isArray(child.children) && !INLINE_ELEMENTS.has(child.type);
    if (out !== '' && (isBlock || previousWasBlock)) out += separator;
    out += nodeText(child);
    previousWasBlock = isBlock;
  }
  return out;
}

export function excerptOf(text: string, maxChars = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxChars) return flat;
  const cut = flat.slice(0, maxChars);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > maxChars * 0.6 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
