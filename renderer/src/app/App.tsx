import { useCallback, useState, type ReactNode } from 'react';
import { NotesWorkspace } from '../features/notes/NotesWorkspace';
import { SearchPanel } from '../features/search/SearchPanel';
import { Sidebar } from './Sidebar';

export function App(): ReactNode {
  const [error, setError] = useState<string | undefined>(undefined);
  const onError = useCallback((message: string) => setError(message), []);
  const [noteToOpen, setNoteToOpen] = useState<{ id: number; sequence: number } | undefined>(undefined);
  const openNote = useCallback((id: number) => setNoteToOpen((previous) => ({ id, sequence: (previous?.sequence ?? 0) + 1 })), []);
  return (
    <div className="app-shell">
      <Sidebar>
        <SearchPanel onOpenNote={openNote} />
      </Sidebar>
      <NotesWorkspace onError={onError} openRequest={noteToOpen} />
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
