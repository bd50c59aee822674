import { z } from 'zod';
import { NO_CONTROL_CHARACTERS } from '../text/controlCharacters';
import { RowId, Timestamp } from './ids';

export const NOTE_TITLE_MAX = 500;

export const NoteTitle = z
  .string()
  .max(NOTE_TITLE_MAX, `A title can have at most ${NOTE_TITLE_MAX} characters`);

/**
 * A title the user gives (create, rename) refuses control characters as project names do.
 * Stored titles keep the looser NoteTitle so a note saved before this rule still loads.
 */
export const NewNoteTitle = NoteTitle.regex(NO_CONTROL_CHARACTERS, 'A title cannot contain control characters');

export const NoteSummarySchema = z.object({
  id: RowId,
  title: NoteTitle,
  excerpt: z.string(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  revision: z.number().int().nonnegative(),
});
export type NoteSummary = z.infer<typeof NoteSummarySchema>;

export const NoteSchema = NoteSummarySchema.extend({
  /** Lexical's serialized editor state, as a JSON string. */
  contentJson: z.string(),
  /** Plain text derived from contentJson by the main process (never trusted from the renderer). */
  contentText: z.string(),
});
export type Note = z.infer<typeof NoteSchema>;

export const NoteSavedSchema = z.object({
  id: RowId,
  updatedAt: Timestamp,
  revision: z.number().int().nonnegative(),
  excerpt: z.string(),
});
export type NoteSaved = z.infer<typeof NoteSavedSchema>;

export function displayTitle(title: string): string {
  return title.trim() === '' ? 'Untitled note' : title;
}
