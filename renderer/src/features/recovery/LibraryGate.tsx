import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { DbStatus } from '../../../../shared/contract/domains/db';
import { call } from '../../api/client';
import { countOf } from '../../ui/plural';

/**
 * Shows the app only once the library is open. If the main process found the
 * library damaged at startup, or empty while a backup holds data (it has
 * already moved the file aside, untouched), this offers the newest good
 * backup or an empty library instead; nothing else can write in the meantime.
 */
export function LibraryGate({ children }: { children: ReactNode }): ReactNode {
  const [status, setStatus] = useState<DbStatus | 'ok' | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);

  const refresh = useCallback(async () => {
    try {
      const next = await call('db.status', {});
      setStatus(next.state === 'ok' ? 'ok' : next);
    } catch {
      // A library without recovery support (e.g. in memory) is simply open.
      setStatus('ok');
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const act = async (action: () => Promise<unknown>): Promise<void> => {
    setBusy(true);
    setProblem(undefined);
    try {
      await action();
      await refresh();
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  if (status === undefined) return null;
  if (status === 'ok') return children;
  const backup = status.newestGoodBackup;
  const lost = status.damaged?.reason === 'empty_with_backups';
  return (
    <main className="recovery" data-testid="library-recovery">
      <h1>{lost ? 'Your library opened empty' : 'Your library is damaged'}</h1>
      <p>{status.damaged?.problem}</p>
      <p>
        {lost ? 'The file as it opened was kept, renamed, at' : 'The damaged file was kept, renamed, at'}{' '}
        <code>{status.damaged?.movedTo ?? status.path}</code>. Nothing was deleted.
      </p>
      {backup ? (
        <p data-testid="newest-backup">
          The newest good backup is from <strong>{backup.createdAt.slice(0, 16).replace('T', ' ')} UTC</strong> ({countOf(backup.noteCount ?? 0, 'note')}):{' '}
          <code>{backup.file}</code>
        </p>
      ) : (
        <p>No good backup was found.</p>
      )}
      {backup && <p data-testid="backup-holds-deleted">Backups taken before you deleted something still contain it: restoring one brings it back.</p>}
      <div className="recovery-actions">
        {backup && (
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void act(() => call('db.restore', { file: backup.file }))}>
            Restore this backup
          </button>
        )}
        <button type="button" className="btn" disabled={busy} onClick={() => void act(() => call('db.startEmpty', {}))}>
          Start an empty library
        </button>
      </div>
      {problem && (
        <p role="alert" className="recovery-problem">
          {problem}
        </p>
      )}
    </main>
  );
}
