import type { EditorState, LexicalEditor } from 'lexical';
import { useEffect, useRef } from 'react';
import { call, listen } from '../../api/client';
import { insertQuote } from '../../editor/plugins/QuotePlugin';
import { autosaver } from '../notes/autosave';
import { liveEditorOf } from './deskEditor';

/**
 * "Quote selection into Dossier" from the browser extension, for the note this
 * page has open: the core offers the quote (`note.quoteWaiting`), this editor
 * claims it, inserts it at the writer's cursor through the same command as a
 * reader quote, saves at once, and confirms. The quote is then part of the
 * editor's state, so every later autosave carries it. An offer this page does
 * not take (no live editor of the note here, another window was first) is left
 * to the core, which writes it into the stored note.
 */
export function useBrowserQuotes(noteId: number, save: (state: EditorState) => void): void {
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(
    () =>
      listen((event) => {
        if (event.type !== 'note.quoteWaiting' || event.noteId !== noteId) return;
        const editor = liveEditorOf(noteId);
        if (editor) void takeQuote(editor, noteId, event.requestId, (state) => saveRef.current(state));
      }),
    [noteId],
  );
}

async function takeQuote(editor: LexicalEditor, noteId: number, requestId: string, save: (state: EditorState) => void): Promise<void> {
  let quote;
  try {
    quote = await call('connector.claimQuote', { requestId });
  } catch {
    return; // Another window took it, or it waited too long and went into the stored note.
  }
  await new Promise<void>((resolve) => insertQuote(editor, { passageId: quote.passageId, text: quote.text, kind: quote.kind }, () => resolve()));
  save(editor.getEditorState());
  try {
    await autosaver.flushNote(noteId);
  } finally {
    await call('connector.quoteInserted', { requestId }).catch(() => undefined);
  }
}
