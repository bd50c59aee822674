import { createHeadlessEditor } from '@lexical/headless';
import { $createQuoteNode as $createLexicalQuoteNode } from '@lexical/rich-text';
import { $generateJSONFromSelectedNodes, $generateNodesFromSerializedNodes } from '@lexical/clipboard';
import { $createParagraphNode, $createRangeSelection, $createTextNode, $getRoot, $setSelection, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { NOTE_NODES } from '../../../renderer/src/editor/nodes';
import { $createInlineQuoteNode, $isInlineQuoteNode } from '../../../renderer/src/editor/nodes/InlineQuoteNode';
import { $createSourceQuoteNode, $isSourceQuoteNode } from '../../../renderer/src/editor/nodes/SourceQuoteNode';
import { quotesInNote } from '../../../shared/notes/quotesInNote';
import { parseEditorState } from '../../../shared/notes/editorState';
import { serializedQuote } from '../../../shared/notes/quotesInNote';

// Headless Lexical (no DOM): the nodes' JSON, the server's view of it, and the clipboard's JSON path.
function makeEditor(): LexicalEditor {
  return createHeadlessEditor({ nodes: [...NOTE_NODES], onError: (e) => { throw e; } });
}

describe('quote nodes', () => {
  it('serialize with the fixed type strings and passageId, and the server reads them back', () => {
    const editor = makeEditor();
    editor.update(() => {
      const root = $getRoot();
      root.append($createSourceQuoteNode(12).append($createTextNode('We are facing a regime.')));
      root.append($createParagraphNode().append($createTextNode('He said '), $createInlineQuoteNode(13).append($createTextNode('no')), $createTextNode(' twice.')));
    }, { discrete: true });
    const json = JSON.stringify(editor.getEditorState().toJSON());
    const state = parseEditorState(json);
    expect(state.root.children[0]).toMatchObject({ type: 'dossier-quote', passageId: 12 });
    expect(quotesInNote(state)).toEqual([
      { ordinal: 0, kind: 'block', passageId: 12, text: 'We are facing a regime.' },
      { ordinal: 1, kind: 'inline', passageId: 13, text: 'no' },
    ]);

    const again = makeEditor();
    again.setEditorState(again.parseEditorState(json));
    again.getEditorState().read(() => {
      const [block, paragraph] = $getRoot().getChildren();
      expect($isSourceQuoteNode(block) && block.getPassageId()).toBe(12);
      const inline = (paragraph as ReturnType<typeof $createParagraphNode>).getChildren()[1];
      expect($isInlineQuoteNode(inline) && inline.getPassageId()).toBe(13);
      expect($getRoot().getTextContent()).toBe('We are facing a regime.\n\nHe said no twice.');
    });
  });

  it('import what the server writes (serializedQuote) and refuse junk passage ids', () => {
    const editor = makeEditor();
    const state = {
      root: {
        type: 'root', version: 1, direction: null, format: '', indent: 0,
        children: [serializedQuote('block', 5, 'quoted words'), { ...serializedQuote('block', 6, 'junk id'), passageId: 'DROP TABLE' }],
      },
    };
    editor.setEditorState(editor.parseEditorState(JSON.stringify(state)));
    editor.getEditorState().read(() => {
      const [a, b] = $getRoot().getChildren();
      expect($isSourceQuoteNode(a) && a.getPassageId()).toBe(5);
      expect($isSourceQuoteNode(b) && b.getPassageId()).toBeNull();
    });
  });

  it('copying a quote keeps its passage id through the clipboard JSON (within or between notes)', () => {
    const source = makeEditor();
    let copied: ReturnType<typeof $generateJSONFromSelectedNodes> | undefined;
    source.update(() => {
      const text = $createTextNode('exporting poison onto our streets');
      $getRoot().append($createParagraphNode().append($createTextNode('before')), $createSourceQuoteNode(42).append(text));
      const selection = $createRangeSelection();
      selection.anchor.set(text.getKey(), 0, 'text');
      selection.focus.set(text.getKey(), text.getTextContentSize(), 'text');
      $setSelection(selection);
      copied = $generateJSONFromSelectedNodes(source, selection);
    }, { discrete: true });
    expect(JSON.stringify(copied!.nodes)).toContain('"passageId":42');

    const target = makeEditor();
    target.update(() => {
      const nodes = $generateNodesFromSerializedNodes(copied!.nodes);
      $getRoot().append(...nodes.filter((n) => $isSourceQuoteNode(n)));
    }, { discrete: true });
    target.getEditorState().read(() => {
      const [quote] = $getRoot().getChildren();
      expect($isSourceQuoteNode(quote) && quote.getPassageId()).toBe(42);
      expect(quote!.getTextContent()).toBe('exporting poison onto our streets');
    });
  });

  it('a note stored before the nodes moved to $config() and NodeState loads and saves back byte for byte', () => {
    // Written by the nodes as they were (a passageId property on each quote, null when unlinked).
    const stored = {
      root: {
        type: 'root', version: 1, direction: null, format: '', indent: 0,
        children: [
          serializedQuote('block', 7, 'We are facing a foreign-backed narco-terror regime.'),
          { ...serializedQuote('block', 8, 'unlinked words'), passageId: null },
          {
            type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '',
            children: [
              { type: 'text', version: 1, text: 'He called it ', format: 0, detail: 0, mode: 'normal', style: '' },
              serializedQuote('inline', 9, 'international piracy'),
            ],
          },
        ],
      },
    };
    const editor = makeEditor();
    editor.setEditorState(editor.parseEditorState(JSON.stringify(stored)));
    const saved = editor.getEditorState().toJSON() as unknown as typeof stored;
    const quotes = (state: typeof stored) => [state.root.children[0], state.root.children[1], (state.root.children[2] as { children: unknown[] }).children[1]];
    expect(quotes(saved)).toEqual(quotes(stored));
    expect(quotesInNote(parseEditorState(JSON.stringify(saved))).map((q) => q.passageId)).toEqual([7, null, 9]);
  });

  it("is not Lexical's own QuoteNode: a plain blockquote is no source quote", () => {
    const editor = makeEditor();
    editor.update(() => void $getRoot().append($createLexicalQuoteNode().append($createTextNode('no source'))), { discrete: true });
    editor.getEditorState().read(() => expect($isSourceQuoteNode($getRoot().getFirstChild())).toBe(false));
  });
});
