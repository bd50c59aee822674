import type { Db } from '../../../db/connection';
import * as passages from '../../../db/repositories/passages';
import type { SerializedEditorState } from '../../../shared/notes/editorState';
import { quotesInNote } from '../../../shared/notes/quotesInNote';
import { isAltered } from '../../../shared/text/quoteIntegrity';

/**
 * Derives note_quotes from a note's content. Called by saveNoteContent inside
 * its transaction, so the links can never disagree with what the note holds.
 * Quote nodes pointing at passages this database does not know (pasted from
 * elsewhere, or garbage) are kept in the note but not linked.
 */
export function deriveNoteQuotes(db: Db, noteId: number, state: SerializedEditorState): void {
  const found = quotesInNote(state);
  const exacts = passages.exactsOf(db, found.flatMap((q) => (q.passageId === null ? [] : [q.passageId])));
  passages.replaceNoteQuotes(
    db,
    noteId,
    found.flatMap((q) => {
      const exact = q.passageId === null ? undefined : exacts.get(q.passageId);
      return exact === undefined ? [] : [{ ordinal: q.ordinal, passageId: q.passageId!, kind: q.kind, quotedText: q.text, altered: isAltered(q.text, exact) }];
    }),
  );
}
