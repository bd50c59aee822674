import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { ChannelOutput } from '../../../../shared/contract/channels';
import { call } from '../../api/client';
import { ModalDialog } from '../../ui/ModalDialog';

type Paired = ChannelOutput<'connector.pairedExtensions'>[number];

/**
 * "Connect browser extension": shows a fresh one-time code that the Dossier
 * extension's popup asks for. The code works once, for 5 minutes; the
 * extension then keeps a token, and nothing else may use the connector.
 * Below it, the extensions paired so far, each of which can be revoked (its
 * token is refused from the next request on).
 */
export function PairingDialog({ onClose }: { onClose(): void }): ReactNode {
  const [pairing, setPairing] = useState<{ code: string; expiresAt: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [paired, setPaired] = useState<Paired[] | null>(null);
  const [notice, setNotice] = useState('');
  const report = (e: unknown): void => setError(e instanceof Error ? e.message : String(e));
  const refresh = useCallback(() => {
    call('connector.pairedExtensions', {}).then(setPaired, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  useEffect(() => {
    call('connector.startPairing', {}).then(setPairing, report);
    refresh();
  }, [refresh]);
  const revoke = async (extension: Paired): Promise<void> => {
    try {
      await call('connector.revoke', { id: extension.id });
      setNotice(`Revoked “${extension.name}”: it must pair again to send anything.`);
      refresh();
    } catch (e) {
      report(e);
    }
  };
  return (
    <ModalDialog className="dialog" aria-labelledby="pairing-title" onCancel={onClose}>
      <h2 id="pairing-title">Connect browser extension</h2>
      {error ? (
        <p role="alert">Could not start pairing: {error}</p>
      ) : (
        <>
          <p>In the Dossier extension's popup, type this code. It works once, until {pairing ? new Date(pairing.expiresAt).toLocaleTimeString() : '…'}.</p>
          <p className="pairing-code" data-testid="pairing-code" aria-live="polite">
            {pairing?.code ?? '…'}
          </p>
        </>
      )}
      <h3 id="paired-title">Paired extensions</h3>
      {paired && paired.length === 0 && <p className="muted">None yet.</p>}
      {paired && paired.length > 0 && (
        <table className="paired-extensions" aria-labelledby="paired-title" data-testid="paired-extensions">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Origin</th>
              <th scope="col">Paired</th>
              <th scope="col">Last used</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {paired.map((extension) => (
              <tr key={extension.id}>
                <td>{extension.name}</td>
                <td><code>{extension.origin}</code></td>
                <td>{new Date(extension.pairedAt).toLocaleString()}</td>
                <td>{extension.lastUsedAt ? new Date(extension.lastUsedAt).toLocaleString() : 'never'}</td>
                <td>
                  <button type="button" className="btn btn-quiet" aria-label={`Revoke ${extension.name}`} onClick={() => void revoke(extension)}>
                    Revoke
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p role="status" aria-live="polite">{notice}</p>
      <button type="button" className="btn" autoFocus onClick={onClose}>
        Done
      </button>
    </ModalDialog>
  );
}
