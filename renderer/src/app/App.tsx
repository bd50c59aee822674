import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { setQueryErrorHandler } from '../api/queries';
import { ExportCenter } from '../features/export/ExportCenter';
import { LibraryWorkspace } from '../features/library/LibraryWorkspace';
import { NotesWorkspace } from '../features/notes/NotesWorkspace';
import { KeyboardLayer } from '../features/palette/KeyboardLayer';
import { Desk } from '../features/desk/Desk';
import { LibraryGate } from '../features/recovery/LibraryGate';
import { SearchPanel } from '../features/search/SearchPanel';
import { navigate, useRoute } from './routes';
import { Sidebar, type Section } from './Sidebar';
import { TrashView } from '../features/trash/TrashView';

export function App(): ReactNode {
  const [error, setError] = useState<string | undefined>(undefined);
  const [section, setSection] = useState<Section>('notes');
  const [droppedFiles, setDroppedFiles] = useState<File[] | undefined>(undefined);
  const [dragging, setDragging] = useState(false);
  const onError = useCallback((message: string) => setError(message), []);
  // The query cache's one error handler feeds the same toast.
  useEffect(() => setQueryErrorHandler(onError), [onError]);
  const route = useRoute();
  const onDropHandled = useCallback(() => setDroppedFiles(undefined), []);

  // Files dropped anywhere on the window are clipped into the library (and never opened by the browser).
  useEffect(() => {
    const hasFiles = (event: DragEvent): boolean => Array.from(event.dataTransfer?.types ?? []).includes('Files');
    const over = (event: DragEvent): void => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setDragging(true);
    };
    const leave = (event: DragEvent): void => {
      if (event.relatedTarget === null) setDragging(false);
    };
    const drop = (event: DragEvent): void => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setDragging(false);
      const files = Array.from(event.dataTransfer?.files ?? []);
      if (files.length === 0) return;
      setSection('library');
      navigate({ kind: 'notes' });
      setDroppedFiles(files);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);

  // Leaving the reader for a section goes back to that section's list.
  const selectSection = useCallback((next: Section) => {
    setSection(next);
    if (/\/(articles|notes)\/\d/.test(window.location.hash)) navigate({ kind: 'notes' });
  }, []);
  // A route to a note (a quote chip's "back", a reader backlink) shows the Notes section.
  const routedNoteId = route.kind === 'notes' ? route.noteId : undefined;
  useEffect(() => {
    if (routedNoteId !== undefined) setSection('notes');
  }, [routedNoteId]);

  return (
    <LibraryGate>
      <div className="app-shell">
        <Sidebar section={route.kind === 'article' ? 'library' : section} onSelect={selectSection} onError={onError}>
          <SearchPanel />
        </Sidebar>
        {route.kind === 'article' ? (
          <Desk {...route} onError={onError} />
        ) : section === 'notes' ? (
          <NotesWorkspace key={route.noteId ?? 'notes'} openNoteId={route.noteId} onError={onError} />
        ) : section === 'trash' ? (
          <TrashView onError={onError} />
        ) : (
          <LibraryWorkspace onError={onError} droppedFiles={droppedFiles} onDropHandled={onDropHandled} />
        )}
        <KeyboardLayer onSelectSection={selectSection} onError={onError} />
        <ExportCenter onError={onError} />
        {dragging && <div className="drop-overlay">Drop pages and text files to clip them</div>}
        {error && (
          <div className="toast is-error" role="alert" data-testid="error-toast">
            <span>{error}</span>
            <button type="button" className="link-button" onClick={() => setError(undefined)}>
              Dismiss
            </button>
          </div>
        )}
      </div>
    </LibraryGate>
  );
}
