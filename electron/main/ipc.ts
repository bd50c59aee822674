import { ipcMain, type IpcMainInvokeEvent, type WebFrameMain } from 'electron';
import { CHANNELS } from '../../shared/contract/channels';
import { fail } from '../../shared/errors';
import { dispatch } from '../core/dispatch';
import type { Handlers } from '../core/handlers';
import { rendererRefusal } from '../core/rendererPolicy';
import { isAppUrl } from './security';

/**
 * Binds the shared handler table to Electron IPC. Every call is checked for
 * its sender (the top frame of one of our windows, showing the app's own
 * origin), refused when it would pass a file-system path (rendererPolicy.ts),
 * and validated by dispatch() against the contract's schema.
 */
export function bindIpc(handlers: Handlers, isOurWindow: (frame: WebFrameMain) => boolean, dbPath: string): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) => {
      if (!isTrustedSender(event, isOurWindow)) {
        return fail('forbidden', 'This caller may not use the Dossier API');
      }
      const refusal = rendererRefusal(channel, input, dbPath);
      if (refusal !== undefined) return fail('forbidden', refusal);
      return dispatch(handlers, channel, input);
    });
  }
  return () => CHANNELS.forEach((channel) => ipcMain.removeHandler(channel));
}

function isTrustedSender(event: IpcMainInvokeEvent, isOurWindow: (frame: WebFrameMain) => boolean): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url) && isOurWindow(frame);
}
