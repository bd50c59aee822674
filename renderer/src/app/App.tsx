import { useCallback, useState, type ReactNode } from 'react';
import { NotesWorkspace } from '../features/notes/NotesWorkspace';
import { LibraryGate } from '../features/recovery/LibraryGate';
import { Sidebar } from './Sidebar';

export function App(): ReactNode {
  const [error, setError] = useState<string | undefined>(undefined);
  const onError = useCallback((message: string) => setError(message), []);
  return (
    <LibraryGate>
      <div className="app-shell">
        <Sidebar />
        <NotesWorkspace onError={onError} />
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
