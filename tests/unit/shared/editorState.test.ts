import { describe, expect, it } from 'vitest';
import { DossierError } from '../../../shared/errors';
import { editorStateToPlainText, emptyEditorStateJson, excerptOf, parseEditorState } from '../../../shared/notes/editorState';

const text = (t: string, format = 0) => ({ type: 'text', version: 1, text: t, format });
const block = (type: string, children: unknown[], extra: object = {}) => ({ type, version: 1, children, ...extra });

function plain(children: unknown[]): string {
  return editorStateToPlainText(parseEditorState(JSON.stringify({ root: block('root', children) })));
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof DossierError ? error.code : 'other';
  }
  return undefined;
}

describe('serialized editor state', () => {
  it('derives plain text like Lexical: blank lines between blocks, line breaks inside lists', () => {
    expect(
      plain([
        block('heading', [text('Key facts')], { tag: 'h1' }),
        block('paragraph', [text('The '), text('first', 1), text(' strike'), { type: 'linebreak', version: 1 }, text('Sept 2.')]),
        block('list', [block('listitem', [text('Rubio')]), block('listitem', [block('link', [text('Maduro')], { url: 'https://x.example' })])]),
        block('quote', [text('A quote.')]),
      ]),
    ).toBe('Key facts\n\nThe first strike\nSept 2.\n\nRubio\nMaduro\n\nA quote.');
  });

  it('treats an empty note as empty text', () => {
    expect(editorStateToPlainText(parseEditorState(emptyEditorStateJson()))).toBe('');
  });

  it('refuses malformed states with a reason', () => {
    expect(codeOf(() => parseEditorState('nope'))).toBe('invalid_input');
    expect(codeOf(() => parseEditorState('[]'))).toBe('invalid_input');
    expect(codeOf(() => parseEditorState('{"root":{"type":"root","children":{}}}'))).toBe('invalid_input');
    expect(codeOf(() => parseEditorState('{"root":{"type":"root","children":[{"type":"text","text":5}]}}'))).toBe('invalid_input');
  });

  it('refuses hostile nesting without overflowing the stack', () => {
    const depth = 100_000;
    const json = `{"root":{"type":"root","children":[${'{"type":"paragraph","children":['.repeat(depth)}${']}'.repeat(depth)}]}}`;
    expect(codeOf(() => parseEditorState(json))).toBe('invalid_input');
  });

  it('makes excerpts that cut at a word', () => {
    expect(excerptOf('short')).toBe('short');
    const long = 'word '.repeat(100);
    const excerpt = excerptOf(long, 50);
    expect(excerpt.endsWith('word…')).toBe(true);
    expect(excerpt.length).toBeLessThanOrEqual(51);
  });
});
