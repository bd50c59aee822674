import { useCallback, useState, type ReactNode } from 'react';
import { NotesWorkspace } from '../features/notes/NotesWorkspace';
import { ReaderView } from '../features/reader/ReaderView';
import { useRoute } from './routes';
import { Sidebar } from './Sidebar';

export function App(): ReactNode {
  const [error, setError] = useState<string | undefined>(undefined);
  const onError = useCallback((message: string) => setError(message), []);
  const route = useRoute();
  return (
    <div className="app-shell">
      <Sidebar />
      {route.kind === 'article' ? (
        <ReaderView key={`${route.articleId}:${route.versionId ?? ''}`} {...route} onError={onError} />
      ) : (
        <NotesWorkspace key={route.noteId ?? 'notes'} openNoteId={route.noteId} onError={onError} />
      )}
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
