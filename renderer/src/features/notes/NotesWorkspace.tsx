import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { displayTitle, type Note, type NoteSaved, type NoteSummary } from '../../../../shared/domain/note';
import { call, listen, onMenuCommand } from '../../api/client';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { currentNoteId, setCurrentNote } from '../desk/currentNote';
import { autosaver } from './autosave';
import { NoteDetail } from './NoteDetail';
import { NoteList } from './NoteList';

function byLastEdit(a: NoteSummary, b: NoteSummary): number {
  return a.updatedAt === b.updatedAt ? b.id - a.id : a.updatedAt < b.updatedAt ? 1 : -1;
}

function summaryOf(note: Note): NoteSummary {
  return { id: note.id, title: note.title, excerpt: note.excerpt, createdAt: note.createdAt, updatedAt: note.updatedAt, revision: note.revision };
}

export function NotesWorkspace({ onError, openNoteId }: { onError(message: string): void; openNoteId?: number | undefined }): ReactNode {
  const [notes, setNotes] = useState<NoteSummary[] | undefined>(undefined);
  const [selectedId, setSelectedId] = useState<number | undefined>(undefined);
  const [current, setCurrent] = useState<Note | undefined>(undefined);
  const [confirmingDelete, setConfirmingDelete] = useState<NoteSummary | undefined>(undefined);
  const openSequence = useRef(0);

  const report = useCallback((error: unknown) => onError(error instanceof Error ? error.message : String(error)), [onError]);

  const open = useCallback(
    async (id: number) => {
      const sequence = ++openSequence.current;
      setSelectedId(id);
      // The note open here is the current note: the reader's quotes go into it.
      setCurrentNote(id);
      // Pending edits of the note being left are written first, and the next note
      // is read after them: switching A→B→A always shows A's latest text.
      await autosaver.flushAll();
      try {
        const note = await call('notes.get', { id });
        if (sequence === openSequence.current) setCurrent(note);
      } catch (error) {
        if (sequence === openSequence.current) report(error);
      }
    },
    [report],
  );

  useEffect(() => {
    call('notes.list', {})
      .then((list) => {
        setNotes(list);
        const first = list.find((n) => n.id === (openNoteId ?? currentNoteId())) ?? list[0];
        if (first) void open(first.id);
      })
      .catch(report);
  }, [open, report, openNoteId]);

  // Notes created, renamed, deleted or saved elsewhere (another window, the CLI) show up without a reload.
  useEffect(
    () =>
      listen((event) => {
        if (event.type === 'notes.changed' || event.type === 'library.changed' || (event.type === 'note.saved' && event.origin === 'external')) {
          call('notes.list', {}).then(setNotes).catch(report);
        }
      }),
    [report],
  );

  const create = async (): Promise<void> => {
    try {
      await autosaver.flushAll();
      const note = await call('notes.create', {});
      setNotes((list) => [summaryOf(note), ...(list ?? [])]);
      openSequence.current += 1;
      setSelectedId(note.id);
      setCurrentNote(note.id);
      setCurrent(note);
    } catch (error) {
      report(error);
    }
  };

  const createRef = useRef(create);
  createRef.current = create;
  useEffect(
    () =>
      onMenuCommand((command) => {
        if (command === 'new-note') void createRef.current();
      }),
    [],
  );

  const onSaved = useCallback((saved: NoteSaved) => {
    setNotes((list) => list?.map((n) => (n.id === saved.id ? { ...n, ...saved } : n)).sort(byLastEdit));
  }, []);

  const onRenamed = useCallback((summary: NoteSummary) => {
    setNotes((list) => list?.map((n) => (n.id === summary.id ? summary : n)).sort(byLastEdit));
  }, []);

  const confirmDelete = async (note: NoteSummary): Promise<void> => {
    setConfirmingDelete(undefined);
    autosaver.discardNote(note.id);
    if (currentNoteId() === note.id) setCurrentNote(undefined);
    try {
      await autosaver.flushAll();
      await call('notes.delete', { id: note.id });
      const remaining = (notes ?? []).filter((n) => n.id !== note.id);
      const index = (notes ?? []).findIndex((n) => n.id === note.id);
      setNotes(remaining);
      const next = remaining[Math.min(index, remaining.length - 1)];
      if (next) void open(next.id);
      else {
        setSelectedId(undefined);
        setCurrent(undefined);
      }
    } catch (error) {
      report(error);
    }
  };

  const showing = current && current.id === selectedId ? current : undefined;

  return (
    <>
      <section className="pane list-pane" aria-label="Note list">
        <header className="pane-header">
          <h1 className="pane-title">Notes</h1>
          <span className="pane-count" data-testid="note-count">{notes?.length ?? ''}</span>
          <button type="button" className="btn btn-primary" onClick={() => void create()} data-testid="new-note">
            New note
          </button>
        </header>
        {notes && notes.length === 0 ? (
          <div className="empty-state">
            <p>No notes yet.</p>
            <p className="muted">Notes hold your writing and the quotes you collect from clipped articles.</p>
          </div>
        ) : (
          <NoteList notes={notes ?? []} selectedId={selectedId} onSelect={(id) => void open(id)} />
        )}
      </section>
      <section className="pane detail-pane" aria-label="Note">
        {showing ? (
          <NoteDetail
            key={showing.id}
            note={showing}
            onSaved={onSaved}
            onRenamed={onRenamed}
            onError={onError}
            onDelete={() => setConfirmingDelete(notes?.find((n) => n.id === showing.id) ?? summaryOf(showing))}
          />
        ) : (
          <div className="empty-state detail-empty">
            {selectedId !== undefined ? <p className="muted">Opening…</p> : <p className="muted">Select a note, or create one.</p>}
          </div>
        )}
      </section>
      {confirmingDelete && (
        <ConfirmDialog
          title="Delete this note?"
          confirmLabel="Delete note"
          danger
          onConfirm={() => void confirmDelete(confirmingDelete)}
          onCancel={() => setConfirmingDelete(undefined)}
        >
          <p>
            “{displayTitle(confirmingDelete.title)}” moves to the Trash, where you can restore it until the Trash is emptied.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
