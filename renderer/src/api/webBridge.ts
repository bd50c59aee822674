import type { DossierBridge } from '../../../shared/contract/api';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/contract/channels';
import { fail, type Result } from '../../../shared/errors';
import { MAX_WEB_KEEPALIVE_BYTES } from '../../../shared/limits';
import { webEventStream } from './eventStream';

const TOKEN_HEADER = 'x-dossier-token';

/**
 * The browser harness's stand-in for the Electron preload: the same
 * DossierBridge, over HTTP to 127.0.0.1 with the per-run token that
 * `npm run web` put in the URL fragment.
 */
export function createWebBridge(location: Location): DossierBridge {
  const token = new URLSearchParams(location.hash.replace(/^#/, '')).get('token') ?? '';
  let unloading = false;
  let flushHandler: (() => Promise<void>) | undefined;

  // A closing tab cannot await anything: mark the page as unloading so the
  // flush that follows sends its saves with keepalive, which outlive the page.
  window.addEventListener('pagehide', () => {
    unloading = true;
    void flushHandler?.();
  });

  return {
    transport: 'web',
    async invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> {
      const body = JSON.stringify(input);
      try {
        const response = await fetch(`api/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
          body,
          keepalive: unloading && body.length < MAX_WEB_KEEPALIVE_BYTES,
        });
        return (await response.json()) as Result<ChannelOutput<C>>;
      } catch (error) {
        return fail('network', `Cannot reach the Dossier harness: ${(error as Error).message}`);
      }
    },
    onFlushRequest(flush) {
      flushHandler = flush;
    },
    // A browser tab has no application menu.
    onMenuCommand() {},
    onEvent: webEventStream(token, TOKEN_HEADER),
  };
}
