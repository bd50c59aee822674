import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { displayTitle, type NoteSummary } from '../../../../shared/domain/note';
import { formatListDate } from '../../ui/formatDate';

export interface NoteListProps {
  notes: NoteSummary[];
  selectedId: number | undefined;
  onSelect(id: number): void;
}

const STEPS: Record<string, number> = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1 };
/** Title and two lines of excerpt; fixed so 10,000 notes are placed without measuring them. */
const ROW_HEIGHT = 76;

/**
 * The notes list, virtualized: only the rows on screen are in the DOM (a
 * 10,000-row DOM made every frame of the app slow, typing in search included).
 * j/k and the arrows move focus through the list; Enter opens the focused note
 * (moving alone never opens one).
 */
export function NoteList({ notes, selectedId, onSelect }: NoteListProps): ReactNode {
  const scroller = useRef<HTMLUListElement>(null);
  const virtualizer = useVirtualizer({ count: notes.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8, useFlushSync: false });
  const selectedIndex = notes.findIndex((n) => n.id === selectedId);

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const focusIndex = (index: number, attempts = 10): void => {
    const row = scroller.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
    if (row) row.focus();
    else if (attempts > 0) requestAnimationFrame(() => focusIndex(index, attempts - 1));
  };

  const moveFocus = (event: KeyboardEvent<HTMLUListElement>): void => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const from = Number((event.target as HTMLElement).dataset.index ?? NaN);
    if (Number.isNaN(from)) return;
    let to: number;
    if (event.key in STEPS) to = Math.min(Math.max(from + STEPS[event.key]!, 0), notes.length - 1);
    else if (event.key === 'Home') to = 0;
    else if (event.key === 'End') to = notes.length - 1;
    else return;
    event.preventDefault();
    virtualizer.scrollToIndex(to, { align: 'auto' });
    focusIndex(to);
  };

  return (
    <ul ref={scroller} className="item-list virtual-list" role="listbox" aria-label="Notes" data-testid="note-list" onKeyDown={moveFocus}>
      <li role="presentation" className="virtual-space" style={{ height: virtualizer.getTotalSize() }}>
        <ul role="presentation" className="virtual-rows">
          {virtualizer.getVirtualItems().map((item) => {
            const note = notes[item.index]!;
            return (
              <li
                key={note.id}
                role="option"
                aria-selected={note.id === selectedId}
                aria-posinset={item.index + 1}
                aria-setsize={notes.length}
                className={`item virtual-row ${note.id === selectedId ? 'is-selected' : ''}`}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                data-note-id={note.id}
                data-index={item.index}
                tabIndex={note.id === selectedId || (selectedIndex < 0 && item.index === 0) ? 0 : -1}
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
            );
          })}
        </ul>
      </li>
    </ul>
  );
}
