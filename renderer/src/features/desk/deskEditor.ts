import type { LexicalEditor } from 'lexical';
import type { SavedPoint } from '../../editor/plugins/quoteInsertion';

/**
 * The live editors by note id, so the reader can insert a quote straight into
 * the current note's editor (at its saved cursor, through INSERT_QUOTE_COMMAND)
 * instead of writing the note on the server and reloading it.
 */
const editors = new Map<number, LexicalEditor>();

export function registerNoteEditor(noteId: number, editor: LexicalEditor): () => void {
  editors.set(noteId, editor);
  return () => {
    if (editors.get(noteId) === editor) editors.delete(noteId);
  };
}

export function liveEditorOf(noteId: number): LexicalEditor | undefined {
  return editors.get(noteId);
}

const focusers = new Map<number, () => void>();

/** The note's editor registers how to take focus back at the writer's last cursor (F6 from the reader, Comment). */
export function registerNoteFocus(noteId: number, focus: () => void): () => void {
  focusers.set(noteId, focus);
  return () => {
    if (focusers.get(noteId) === focus) focusers.delete(noteId);
  };
}

export function focusNoteAtCursor(noteId: number): boolean {
  const focus = focusers.get(noteId);
  focus?.();
  return focus !== undefined;
}

/** Each note's last cursor, kept across its editors (the notes list's, then the desk's) for this session. */
const cursors = new Map<number, SavedPoint>();

export function rememberCursor(noteId: number, point: SavedPoint): void {
  cursors.set(noteId, point);
}

export function rememberedCursor(noteId: number): SavedPoint | undefined {
  return cursors.get(noteId);
}
