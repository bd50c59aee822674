import { useState, type ReactNode } from 'react';
import type { ClipResult, PendingClipInfo } from '../../../../shared/contract/domains/clip';
import { call } from '../../api/client';

function when(iso: string): string {
  return new Date(iso).toLocaleString();
}

/**
 * Web addresses clipped while offline: each waits with its status and the last
 * reason it could not be fetched, until "Fetch now" (or a later clip) gets it,
 * or the journalist removes it. "Fetch now" fetches them one at a time under a
 * progress bar.
 */
export function PendingClips({
  pending,
  onFetched,
  onChanged,
  onError,
}: {
  pending: PendingClipInfo[];
  onFetched(results: ClipResult[]): void;
  /** The list changed here (an address removed): reload it. */
  onChanged(): void;
  onError(message: string): void;
}): ReactNode {
  const [fetching, setFetching] = useState<{ done: number; total: number; url: string } | undefined>(undefined);
  const [removing, setRemoving] = useState<number | undefined>(undefined);
  const waiting = pending.filter((p) => p.status === 'pending');
  if (waiting.length === 0) return null;

  const fetchNow = async (): Promise<void> => {
    const results: ClipResult[] = [];
    try {
      for (const [index, item] of waiting.entries()) {
        setFetching({ done: index, total: waiting.length, url: item.url });
        results.push(...(await call('clip.fetchPending', { ids: [item.id] })).results);
      }
    } catch (error) {
      onError((error as Error).message);
    } finally {
      setFetching(undefined);
      onFetched(results);
    }
  };

  const remove = async (item: PendingClipInfo): Promise<void> => {
    setRemoving(item.id);
    try {
      await call('clip.removePending', { ids: [item.id] });
    } catch (error) {
      onError((error as Error).message);
    } finally {
      setRemoving(undefined);
      onChanged();
    }
  };

  return (
    <section className="pending-clips" aria-label="Pending clips" data-testid="pending-clips">
      <header>
        <strong>
          {waiting.length === 1 ? '1 web address waits' : `${waiting.length} web addresses wait`} for the network
        </strong>
        <button type="button" className="btn" onClick={() => void fetchNow()} disabled={fetching !== undefined} data-testid="fetch-pending">
          {fetching ? 'Fetching…' : 'Fetch now'}
        </button>
      </header>
      {fetching && (
        <div className="clip-progress pending-progress" role="status" data-testid="pending-progress">
          <progress max={fetching.total} value={fetching.done} aria-label="Fetching pending addresses" />
          <span title={fetching.url}>
            Fetching {fetching.done + 1} of {fetching.total}: {fetching.url}
          </span>
        </div>
      )}
      <ul>
        {waiting.map((p) => (
          <li key={p.id} data-testid="pending-clip" data-status={p.status}>
            <div className="pending-line">
              <span className="pending-url" title={p.url}>
                {p.url}
              </span>
              <button
                type="button"
                className="link-button pending-remove"
                aria-label={`Remove ${p.url} from pending clips`}
                data-testid="remove-pending"
                disabled={removing === p.id || fetching !== undefined}
                onClick={() => void remove(p)}
              >
                Remove
              </button>
            </div>
            <span className="muted">
              Kept pending since {when(p.createdAt)}; {p.attempts === 1 ? 'tried once' : `tried ${p.attempts} times`}, last {when(p.updatedAt)}
              {p.lastError ? `: ${p.lastError}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
