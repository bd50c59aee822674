import type { DossierBridge } from '../../shared/contract/api';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in the browser harness, which uses webBridge instead. */
    readonly dossier?: DossierBridge;
  }
}
