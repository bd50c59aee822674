import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { displayTitle, type Note, type NoteSummary } from '../../../../shared/domain/note';
import { call } from '../../api/client';
import { NoteDetail } from '../notes/NoteDetail';
import { autosaver } from '../notes/autosave';
import { ReaderView } from '../reader/ReaderView';
import { setCurrentNote, useCurrentNoteId } from './currentNote';
import { focusNoteAtCursor } from './deskEditor';
import { isPaneSwitch } from '../palette/shortcuts';
import { SplitSeparator, clampSplit } from './SplitSeparator';
import './desk.css';

const SPLIT_KEY = 'dossier.deskSplit';

function readSplit(): number {
  try {
    const raw = Number(window.localStorage.getItem(SPLIT_KEY));
    return raw > 0 ? clampSplit(raw) : 45;
  } catch {
    return 45;
  }
}

export interface DeskProps {
  articleId: number;
  passageId?: number | undefined;
  versionId?: number | undefined;
  /** A chip's note: it becomes the current note. */
  fromNoteId?: number | undefined;
  onError(message: string): void;
}

/**
 * The research desk: the current note (being written) beside a source in the
 * reader. Opening an article from anywhere (library, search, palette, chip)
 * swaps the reader side; the picker above the note swaps the note side. The
 * reader's Quote, Quote inline and Comment write into the note shown here.
 * F6 or Ctrl+\ moves focus between the two sides.
 */
export function Desk({ articleId, passageId, versionId, fromNoteId, onError }: DeskProps): ReactNode {
  const currentId = useCurrentNoteId();
  const [note, setNote] = useState<Note | undefined>();
  const [title, setTitle] = useState('');
  const [split, setSplit] = useState(readSplit);

  useEffect(() => {
    if (fromNoteId !== undefined) setCurrentNote(fromNoteId);
  }, [fromNoteId]);

  useEffect(() => {
    if (currentId === undefined) {
      setNote(undefined);
      return;
    }
    let cancelled = false;
    void autosaver
      .flushAll()
      .then(() => call('notes.get', { id: currentId }))
      .then((loaded) => {
        if (cancelled) return;
        setNote(loaded);
        setTitle(loaded.title);
      })
      .catch(() => {
        // The note is gone (deleted elsewhere): no current note, the reader offers a new one.
        if (!cancelled) setCurrentNote(undefined);
      });
    return () => {
      cancelled = true;
    };
  }, [currentId]);

  const changeSplit = useCallback((value: number) => {
    setSplit(value);
    try {
      window.localStorage.setItem(SPLIT_KEY, String(value));
    } catch {
      // Not kept across reloads, that is all.
    }
  }, []);

  // F6 / Ctrl+\ : the other side of the desk.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (!isPaneSwitch(event)) return;
      event.preventDefault();
      const inReader = (document.activeElement?.closest('.reader-pane') ?? null) !== null;
      if (inReader && currentId !== undefined) focusNoteAtCursor(currentId);
      else document.querySelector<HTMLElement>('[data-testid="reader-body"]')?.focus();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [currentId]);

  const showing = note && note.id === currentId ? note : undefined;
  return (
    <div className="desk" data-testid="desk">
      {currentId !== undefined && (
        <>
          <section className="pane desk-note" aria-label="Current note" data-testid="desk-note" style={{ flexBasis: `${split}%` }}>
            <NotePicker currentId={currentId} title={title} onError={onError} />
            {showing ? (
              <NoteDetail
                key={showing.id}
                note={showing}
                onSaved={() => undefined}
                onRenamed={(summary) => setTitle(summary.title)}
                onError={onError}
                onDelete={() => onError('Delete the note from the Notes list.')}
              />
            ) : (
              <p className="muted desk-empty">Opening…</p>
            )}
          </section>
          <SplitSeparator value={split} onChange={changeSplit} label="Resize the note and the reader" />
        </>
      )}
      <ReaderView
        key={`${articleId}:${versionId ?? ''}`}
        articleId={articleId}
        passageId={passageId}
        versionId={versionId}
        currentNote={showing ? { id: showing.id, title } : undefined}
        onError={onError}
      />
    </div>
  );
}

/** "Current note: [title ▾]": swaps the note on the desk, or puts none there. */
function NotePicker({ currentId, title, onError }: { currentId: number; title: string; onError(message: string): void }): ReactNode {
  const [notes, setNotes] = useState<NoteSummary[]>([]);
  const refresh = useCallback(() => {
    call('notes.list', {})
      .then(setNotes)
      .catch((error: unknown) => onError(error instanceof Error ? error.message : String(error)));
  }, [onError]);
  useEffect(refresh, [refresh, currentId]);
  const listed = notes.some((n) => n.id === currentId) ? notes : [{ id: currentId, title } as NoteSummary, ...notes];
  return (
    <div className="desk-note-bar">
      <label className="desk-label" htmlFor="desk-note-picker">
        Current note
      </label>
      <select
        id="desk-note-picker"
        className="desk-picker"
        data-testid="desk-note-picker"
        value={currentId}
        onFocus={refresh}
        onChange={(event) => setCurrentNote(event.target.value === '' ? undefined : Number(event.target.value))}
      >
        {listed.map((n) => (
          <option key={n.id} value={n.id}>
            {displayTitle(n.id === currentId ? title : n.title)}
          </option>
        ))}
        <option value="">No note (close this side)</option>
      </select>
    </div>
  );
}
