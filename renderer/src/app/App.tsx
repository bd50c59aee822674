import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { LibraryWorkspace } from '../features/library/LibraryWorkspace';
import { NotesWorkspace } from '../features/notes/NotesWorkspace';
import { Sidebar, type Section } from './Sidebar';

export function App(): ReactNode {
  const [error, setError] = useState<string | undefined>(undefined);
  const [section, setSection] = useState<Section>('notes');
  const [droppedFiles, setDroppedFiles] = useState<File[] | undefined>(undefined);
  const [dragging, setDragging] = useState(false);
  const onError = useCallback((message: string) => setError(message), []);
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

  return (
    <div className="app-shell">
      <Sidebar section={section} onSelect={setSection} />
      {section === 'notes' ? (
        <NotesWorkspace onError={onError} />
      ) : (
        <LibraryWorkspace onError={onError} droppedFiles={droppedFiles} onDropHandled={onDropHandled} />
      )}
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
  );
}
