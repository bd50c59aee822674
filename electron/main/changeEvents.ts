import type { BrowserWindow } from 'electron';
import { CONTROL_CHANNELS } from '../../shared/contract/api';
import type { Core } from '../core/openCore';

/**
 * Pushes the core's change events to our window on ONE IPC channel, and has
 * the core watch for commits by other processes (the CLI). A window that is
 * closing or gone simply misses events: it reloads everything when it opens.
 */
export function pushChangeEvents(core: Core, window: () => BrowserWindow | undefined): () => void {
  core.watchExternalChanges();
  return core.events.subscribe((event) => {
    const target = window();
    if (!target || target.isDestroyed() || target.webContents.isDestroyed()) return;
    target.webContents.send(CONTROL_CHANNELS.changeEvent, event);
  });
}
