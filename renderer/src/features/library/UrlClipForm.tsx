import { useState, type FormEvent, type ReactNode } from 'react';
import type { ClipResult } from '../../../../shared/contract/domains/clip';
import { call } from '../../api/client';
import { ConfirmDialog } from '../../ui/ConfirmDialog';

/**
 * Clips a web address. The core fetches it (never the renderer); offline, the
 * address is kept as a pending clip (see PendingClips) instead of failing.
 */
export function UrlClipForm({ busy, onClipped, onError }: { busy: boolean; onClipped(results: ClipResult[]): void; onError(message: string): void }): ReactNode {
  const [url, setUrl] = useState('');
  const [fetching, setFetching] = useState(false);
  // A clip refused because its host is on this computer or a private network, waiting for the journalist's answer.
  const [confirming, setConfirming] = useState<{ address: string; host: string } | null>(null);

  const clip = async (address: string, allowPrivateHost?: string): Promise<void> => {
    setFetching(true);
    try {
      const { results } = await call('clip.save', { inputs: [{ kind: 'url', url: address }], ...(allowPrivateHost ? { allowPrivateHost } : {}) });
      const host = results[0]?.confirmHost;
      if (host && !allowPrivateHost) {
        setConfirming({ address, host });
        return;
      }
      setUrl('');
      onClipped(results);
    } catch (error) {
      onError((error as Error).message);
    } finally {
      setFetching(false);
    }
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const address = url.trim();
    if (!/^https?:\/\/\S+$/i.test(address)) {
      onError('Enter a web address starting with http:// or https://.');
      return;
    }
    await clip(address);
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
      {confirming && (
        <ConfirmDialog
          title="Clip from a private network?"
          confirmLabel={`Clip from ${confirming.host}`}
          onCancel={() => {
            setConfirming(null);
            onError(`Not clipped: ${confirming.host} is on this computer or a private network.`);
          }}
          onConfirm={() => {
            const { address, host } = confirming;
            setConfirming(null);
            void clip(address, host);
          }}
        >
          <p data-testid="private-host-warning">
            <strong>{confirming.host}</strong> is on this computer or a private network (a router, an intranet, a local service). A web page
            should not lead Dossier there. Clip it only if you typed this address yourself and trust it.
          </p>
        </ConfirmDialog>
      )}
    </form>
  );
}
