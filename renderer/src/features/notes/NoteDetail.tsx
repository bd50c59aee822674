import type { EditorState } from 'lexical';
import { useEffect, useState, type ReactNode } from 'react';
import type { Note, NoteSaved, NoteSummary } from '../../../../shared/domain/note';
import { NOTE_TITLE_MAX } from '../../../../shared/domain/note';
import { call } from '../../api/client';
import { NoteEditor } from '../../editor/NoteEditor';
import { useBrowserQuotes } from '../desk/browserQuotes';
import { NoteExportActions } from '../export/NoteExportActions';
import { ItemOrganizer } from '../organize/ItemOrganizer';
import { autosaver } from './autosave';
import { SaveIndicator } from './SaveIndicator';

export interface NoteDetailProps {
  note: Note;
  onSaved(saved: NoteSaved): void;
  onRenamed(summary: NoteSummary): void;
  onDelete(): void;
  onError(message: string): void;
}

/** Title, save state and editor of one note. Re-keyed per note by its parent. */
export function NoteDetail({ note, onSaved, onRenamed, onDelete, onError }: NoteDetailProps): ReactNode {
  const [title, setTitle] = useState(note.title);
  const [savedRevision, setSavedRevision] = useState(note.revision);
  const noteId = note.id;

  // The browser extension's "Quote selection into Dossier" goes into the note the desk shows (a new note when none).
  useEffect(() => {
    void call('connector.setCurrentNote', { noteId }).catch(() => undefined);
    return () => void call('connector.setCurrentNote', { noteId: null }).catch(() => undefined);
  }, [noteId]);

  const scheduleContentSave = (state: EditorState): void => {
    autosaver.schedule({
      key: `content:${noteId}`,
      noteId,
      run: async () => {
        const saved = await call('notes.save', { id: noteId, contentJson: JSON.stringify(state.toJSON()) });
        onSaved(saved);
        setSavedRevision(saved.revision);
      },
    });
  };

  // A quote from the browser extension for this note goes into this editor, at its cursor.
  useBrowserQuotes(noteId, scheduleContentSave);

  const changeTitle = (value: string): void => {
    setTitle(value);
    autosaver.schedule({
      key: `title:${noteId}`,
      noteId,
      run: async () => onRenamed(await call('notes.rename', { id: noteId, title: value })),
    });
  };

  return (
    <article className="note-detail" data-testid="note-detail" data-note-id={noteId}>
      <header className="note-header">
        <input
          className="note-title"
          aria-label="Note title"
          placeholder="Untitled note"
          maxLength={NOTE_TITLE_MAX}
          value={title}
          onChange={(event) => changeTitle(event.target.value)}
        />
        <div className="note-meta">
          <SaveIndicator noteId={noteId} />
          <button type="button" className="btn btn-quiet" onClick={onDelete} aria-label="Delete note">
            Delete
          </button>
        </div>
      </header>
      <ItemOrganizer item={{ type: 'note', id: noteId }} onError={onError} />
      <NoteExportActions noteId={noteId} />
      <NoteEditor
        initialJson={note.contentJson}
        noteId={noteId}
        savedRevision={savedRevision}
        onChange={scheduleContentSave}
        onError={(error) => console.error('Editor error', error)}
      />
    </article>
  );
}
