import { z } from 'zod';
import { MAX_NOTE_CONTENT_CHARS } from '../../limits';
import { RowId } from '../../domain/ids';
import { NoteSavedSchema, NoteSchema, NoteSummarySchema, NewNoteTitle } from '../../domain/note';
import type { NotesChannel } from '../channelNames';
import type { ChannelSpec } from '../spec';

const NoteRef = z.strictObject({ id: RowId });

export const notesContract = {
  'notes.list': {
    input: z.strictObject({}),
    output: z.array(NoteSummarySchema),
  },
  'notes.get': {
    input: NoteRef,
    output: NoteSchema,
  },
  'notes.create': {
    input: z.strictObject({ title: NewNoteTitle.optional() }),
    output: NoteSchema,
  },
  'notes.rename': {
    input: z.strictObject({ id: RowId, title: NewNoteTitle }),
    output: NoteSummarySchema,
  },
  'notes.save': {
    input: z.strictObject({
      id: RowId,
      contentJson: z.string().min(2).max(MAX_NOTE_CONTENT_CHARS),
    }),
    output: NoteSavedSchema,
  },
  'notes.delete': {
    input: NoteRef,
    output: z.object({ id: RowId }),
  },
} as const satisfies Record<NotesChannel, ChannelSpec>;
