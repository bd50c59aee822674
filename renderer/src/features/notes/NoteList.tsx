import type { ReactNode } from 'react';
import { displayTitle, type NoteSummary } from '../../../../shared/domain/note';
import { formatListDate } from '../../ui/formatDate';

export interface NoteListProps {
  notes: NoteSummary[];
  selectedId: number | undefined;
  onSelect(id: number): void;
}

export function NoteList({ notes, selectedId, onSelect }: NoteListProps): ReactNode {
  return (
    <ul className="item-list" role="listbox" aria-label="Notes" data-testid="note-list">
      {notes.map((note) => (
        <li
          key={note.id}
          role="option"
          aria-selected={note.id === selectedId}
          className={`item ${note.id === selectedId ? 'is-selected' : ''}`}
          data-note-id={note.id}
          tabIndex={note.id === selectedId ? 0 : -1}
          onClick={() => onSelect(note.id)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') onSelect(note.id);
          }}
        >
          <div className="item-head">
            <span className={`item-title ${note.title.trim() === '' ? 'is-untitled' : ''}`}>{displayTitle(note.title)}</span>
            <time className="item-date" dateTime={note.updatedAt}>
              {formatListDate(note.updatedAt)}
            </time>
          </div>
          <div className="item-excerpt">{note.excerpt || 'No text yet'}</div>
        </li>
      ))}
    </ul>
  );
}
