import { useSyncExternalStore, type ReactNode } from 'react';
import { autosaver } from './autosave';

const LABELS = {
  saved: 'Saved',
  pending: 'Editing…',
  saving: 'Saving…',
  error: 'Not saved',
} as const;

export function SaveIndicator({ noteId }: { noteId: number }): ReactNode {
  const status = useSyncExternalStore(
    (listener) => autosaver.subscribe(listener),
    () => autosaver.statusOf(noteId),
  );
  return (
    <span className={`save-indicator is-${status}`} data-testid="save-status" data-status={status} role="status">
      {LABELS[status]}
      {status === 'error' && (
        <button type="button" className="link-button" onClick={() => void autosaver.flushNote(noteId)}>
          Retry
        </button>
      )}
    </span>
  );
}
