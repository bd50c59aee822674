import type { NotesChannel } from '../../../shared/contract/channelNames';
import type { CoreContext } from '../context';
import * as notes from '../services/notes';
import type { HandlersFor } from './types';

export function notesHandlers(ctx: CoreContext): HandlersFor<NotesChannel> {
  return {
    'notes.list': () => notes.listNotes(ctx),
    'notes.get': ({ id }) => notes.openNote(ctx, id),
    'notes.create': ({ title }) => notes.createNote(ctx, title),
    'notes.rename': ({ id, title }) => notes.renameNote(ctx, id, title),
    'notes.save': ({ id, contentJson }) => notes.saveNoteContent(ctx, id, contentJson),
    'notes.delete': ({ id }) => notes.deleteNote(ctx, id),
  };
}
