import * as notesRepo from '../../../db/repositories/notes';
import { DossierError } from '../../../shared/errors';
import { parseEditorState } from '../../../shared/notes/editorState';
import { appendQuote } from '../../../shared/notes/quotesInNote';
import type { CoreContext } from '../context';
import { saveNoteContent } from './notes';
import { passageOrThrow } from './passages';
import { emitChange } from '../events';

// Quoting is a note operation that needs a passage: it lives here, above both services, so neither imports the other.

/**
 * Appends a quote of a passage to a note (a new note titled after the article
 * when none is given) and saves it: the link is derived by the save.
 */
export function quoteIntoNote(ctx: CoreContext, input: { passageId: number; noteId?: number | undefined; kind: 'block' | 'inline' }): { noteId: number; passageId: number } {
  let created = false;
  const quoted = ctx.db.transaction(() => {
    const passage = passageOrThrow(ctx.db, input.passageId);
    let noteId = input.noteId;
    if (noteId === undefined) {
      created = true;
      noteId = notesRepo.insertNote(ctx.db, { title: passage.source.title.slice(0, 500), contentJson: JSON.stringify({ root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [] } }), contentText: '', now: ctx.now() });
    }
    const note = notesRepo.getNote(ctx.db, noteId);
    if (!note) throw new DossierError('not_found', `Note ${noteId} does not exist (it may have been deleted).`);
    const state = parseEditorState(note.contentJson);
    appendQuote(state, input.kind, passage.id, passage.exact);
    saveNoteContent(ctx, noteId, JSON.stringify(state), 'core');
    return { noteId, passageId: passage.id };
  })();
  // The save inside announced note.saved; a new note is news for the note lists too.
  if (created) emitChange(ctx, { type: 'notes.changed', noteIds: [quoted.noteId], change: 'created' });
  return quoted;
}
