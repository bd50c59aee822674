import type { KeyboardEvent, ReactNode } from 'react';
import { displayTitle, type NoteSummary } from '../../../../shared/domain/note';
import { formatListDate } from '../../ui/formatDate';

export interface NoteListProps {
  notes: NoteSummary[];
  selectedId: number | undefined;
  onSelect(id: number): void;
}

const STEPS: Record<string, number> = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1 };

/** j/k and the arrows move focus through the list; Enter opens the focused note (moving alone never opens one). */
function moveFocus(event: KeyboardEvent<HTMLUListElement>): void {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const options = Array.from(event.currentTarget.querySelectorAll<HTMLElement>('[role="option"]'));
  const from = options.indexOf(event.target as HTMLElement);
  if (from < 0) return;
  let to: number;
  if (event.key in STEPS) to = Math.min(Math.max(from + STEPS[event.key]!, 0), options.length - 1);
  else if (event.key === 'Home') to = 0;
  else if (event.key === 'End') to = options.length - 1;
  else return;
  event.preventDefault();
  options[to]?.focus();
}

export function NoteList({ notes, selectedId, onSelect }: NoteListProps): ReactNode {
  return (
    <ul className="item-list" role="listbox" aria-label="Notes" data-testid="note-list" onKeyDown={moveFocus}>
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
