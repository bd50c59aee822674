import { useState, type ReactNode } from 'react';
import type { ClipResult, PendingClipInfo } from '../../../../shared/contract/domains/clip';
import { call } from '../../api/client';

function when(iso: string): string {
  return new Date(iso).toLocaleString();
}

/**
 * Web addresses clipped while offline: each waits with its status and the last
 * reason it could not be fetched, until "Fetch now" (or a later clip) gets it.
 */
export function PendingClips({ pending, onFetched, onError }: { pending: PendingClipInfo[]; onFetched(results: ClipResult[]): void; onError(message: string): void }): ReactNode {
  const [fetching, setFetching] = useState(false);
  const waiting = pending.filter((p) => p.status === 'pending');
  if (waiting.length === 0) return null;

  const fetchNow = async (): Promise<void> => {
    setFetching(true);
    try {
      const { results } = await call('clip.fetchPending', {});
      onFetched(results);
    } catch (error) {
      onError((error as Error).message);
    } finally {
      setFetching(false);
    }
  };

  return (
    <section className="pending-clips" aria-label="Pending clips" data-testid="pending-clips">
      <header>
        <strong>
          {waiting.length === 1 ? '1 web address waits' : `${waiting.length} web addresses wait`} for the network
        </strong>
        <button type="button" className="btn" onClick={() => void fetchNow()} disabled={fetching} data-testid="fetch-pending">
          {fetching ? 'Fetching…' : 'Fetch now'}
        </button>
      </header>
      <ul>
        {waiting.map((p) => (
          <li key={p.id} data-testid="pending-clip" data-status={p.status}>
            <span className="pending-url">{p.url}</span>
            <span className="muted">
              {' '}
              — pending since {when(p.createdAt)}; {p.attempts === 1 ? 'tried once' : `tried ${p.attempts} times`}, last {when(p.updatedAt)}
              {p.lastError ? `: ${p.lastError}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
