import { useState, type FormEvent, type ReactNode } from 'react';
import type { ClipResult } from '../../../../shared/contract/domains/clip';
import { call } from '../../api/client';

/**
 * Clips a web address. The core fetches it (never the renderer); offline, the
 * address is kept as a pending clip (see PendingClips) instead of failing.
 */
export function UrlClipForm({ busy, onClipped, onError }: { busy: boolean; onClipped(results: ClipResult[]): void; onError(message: string): void }): ReactNode {
  const [url, setUrl] = useState('');
  const [fetching, setFetching] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const address = url.trim();
    if (!/^https?:\/\/\S+$/i.test(address)) {
      onError('Enter a web address starting with http:// or https://.');
      return;
    }
    setFetching(true);
    try {
      const { results } = await call('clip.save', { inputs: [{ kind: 'url', url: address }] });
      setUrl('');
      onClipped(results);
    } catch (error) {
      onError((error as Error).message);
    } finally {
      setFetching(false);
    }
  };

  return (
    <form className="url-clip" onSubmit={(event) => void submit(event)} data-testid="url-clip-form">
      <input
        type="url"
        placeholder="Clip a web address (https://…)"
        aria-label="Web address to clip"
        value={url}
        onChange={(event) => setUrl(event.currentTarget.value)}
        data-testid="url-clip-input"
      />
      <button type="submit" className="btn" disabled={busy || fetching || url.trim() === ''} data-testid="url-clip-submit">
        {fetching ? 'Fetching…' : 'Clip'}
      </button>
    </form>
  );
}
