import { createHeadlessEditor } from '@lexical/headless';
import { $generateJSONFromSelectedNodes, $generateNodesFromSerializedNodes } from '@lexical/clipboard';
import { $createParagraphNode, $createRangeSelection, $createTextNode, $getRoot, $setSelection, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { NOTE_NODES } from '../../../renderer/src/editor/nodes';
import { $createInlineQuoteNode, $isInlineQuoteNode } from '../../../renderer/src/editor/nodes/InlineQuoteNode';
import { $createQuoteNode, $isQuoteNode } from '../../../renderer/src/editor/nodes/QuoteNode';
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
      root.append($createQuoteNode(12).append($createTextNode('We are facing a regime.')));
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
      expect($isQuoteNode(block) && block.getPassageId()).toBe(12);
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
      expect($isQuoteNode(a) && a.getPassageId()).toBe(5);
      expect($isQuoteNode(b) && b.getPassageId()).toBeNull();
    });
  });

  it('copying a quote keeps its passage id through the clipboard JSON (within or between notes)', () => {
    const source = makeEditor();
    let copied: ReturnType<typeof $generateJSONFromSelectedNodes> | undefined;
    source.update(() => {
      const text = $createTextNode('exporting poison onto our streets');
      $getRoot().append($createParagraphNode().append($createTextNode('before')), $createQuoteNode(42).append(text));
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
      $getRoot().append(...nodes.filter((n) => $isQuoteNode(n)));
    }, { discrete: true });
    target.getEditorState().read(() => {
      const [quote] = $getRoot().getChildren();
      expect($isQuoteNode(quote) && quote.getPassageId()).toBe(42);
      expect(quote!.getTextContent()).toBe('exporting poison onto our streets');
    });
  });
});
