import { useEffect, useState, type ReactNode } from 'react';
import { call } from '../../api/client';
import { ModalDialog } from '../../ui/ModalDialog';

/**
 * "Connect browser extension": shows a fresh one-time code that the Dossier
 * extension's popup asks for. The code works once, for 5 minutes; the
 * extension then keeps a token, and nothing else may use the connector.
 */
export function PairingDialog({ onClose }: { onClose(): void }): ReactNode {
  const [pairing, setPairing] = useState<{ code: string; expiresAt: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('connector.startPairing', {}).then(setPairing, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
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
      <button type="button" className="btn" autoFocus onClick={onClose}>
        Done
      </button>
    </ModalDialog>
  );
}
