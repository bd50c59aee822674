import { DossierError } from '../../../shared/errors';
import type { Note, NoteSaved, NoteSummary } from '../../../shared/domain/note';
import {
  editorStateToPlainText,
  emptyEditorStateJson,
  parseEditorState,
} from '../../../shared/notes/editorState';
import * as notes from '../../../db/repositories/notes';
import { upsertNoteChecksum } from '../../../db/repositories/noteChecksums';
import type { CoreContext } from '../context';
import { deriveNoteQuotes } from './noteQuoteLinks';
import { moveToTrash } from './trash';
import { emitChange } from '../events';
import { keepGuardedQuotes, releaseStoredQuoteGuards } from './storedQuoteGuard';

export function listNotes(ctx: CoreContext): NoteSummary[] {
  return notes.listNotes(ctx.db);
}

export function getNote(ctx: CoreContext, id: number): Note {
  return notes.getNote(ctx.db, id) ?? notFound(id);
}

/** A note loaded into an editor: what it holds now is what that editor's saves descend from. */
export function openNote(ctx: CoreContext, id: number): Note {
  const note = getNote(ctx, id);
  releaseStoredQuoteGuards(ctx, id);
  return note;
}

export function createNote(ctx: CoreContext, title = ''): Note {
  const id = notes.insertNote(ctx.db, {
    title: title.trim(),
    contentJson: emptyEditorStateJson(),
    contentText: '',
    now: ctx.now(),
  });
  emitChange(ctx, { type: 'notes.changed', noteIds: [id], change: 'created' });
  return getNote(ctx, id);
}

export function renameNote(ctx: CoreContext, id: number, title: string): NoteSummary {
  if (!notes.updateNoteTitle(ctx.db, id, title.trim(), ctx.now())) notFound(id);
  emitChange(ctx, { type: 'notes.changed', noteIds: [id], change: 'renamed' });
  return notes.getNoteSummary(ctx.db, id)!;
}

/**
 * Stores the editor's serialized state (`from: 'core'`: a state the core
 * derived from the stored note itself). The plain text and the quote links are
 * derived here from the JSON, never taken from the caller, so search, export
 * and backlinks see exactly what the note holds.
 */
export function saveNoteContent(ctx: CoreContext, id: number, incomingJson: string, from: 'editor' | 'core' = 'editor'): NoteSaved {
  const state = parseEditorState(incomingJson);
  // A quote the core wrote into the stored note that an editor's (older) state lacks is kept.
  // The core's own writes start from the stored note, so they hold every such quote already.
  const contentJson = from === 'editor' && keepGuardedQuotes(ctx, id, state) ? JSON.stringify(state) : incomingJson;
  const contentText = editorStateToPlainText(state);
  // One transaction: the note and every row derived from it (quote links, checksum) commit together or not at all.
  const saved = ctx.db.transaction(() => {
    const row = notes.updateNoteContent(ctx.db, id, { contentJson, contentText }, ctx.now());
    if (row) {
      deriveNoteQuotes(ctx.db, id, state);
      upsertNoteChecksum(ctx.db, id, row.revision, contentJson);
    }
    return row;
  })();
  if (!saved) notFound(id);
  emitChange(ctx, { type: 'note.saved', noteId: id, revision: saved.revision });
  return saved;
}

/** Moves the note to the Trash (services/trash.ts deletes it for good, scrubbed). */
export function deleteNote(ctx: CoreContext, id: number): { id: number } {
  moveToTrash(ctx, 'note', [id]);
  emitChange(ctx, { type: 'notes.changed', noteIds: [id], change: 'deleted' });
  return { id };
}

function notFound(id: number): never {
  throw new DossierError('not_found', `Note ${id} does not exist (it may have been deleted).`);
}
