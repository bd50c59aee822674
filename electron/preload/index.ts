import { contextBridge, ipcRenderer } from 'electron';
import { CONTROL_CHANNELS, MENU_COMMANDS, type DossierBridge, type MenuCommand } from '../../shared/contract/api';
import { CHANNEL_NAMES } from '../../shared/contract/channelNames';
import { fail } from '../../shared/errors';

/**
 * The whole surface the renderer gets: invoke on the contract's channels only,
 * two listeners for requests from main, and one for its change events. Raw ipcRenderer never crosses the
 * context bridge.
 */
const allowedChannels = new Set<string>(CHANNEL_NAMES);
const menuCommands = new Set<string>(MENU_COMMANDS);

const bridge: DossierBridge = {
  transport: 'electron',
  invoke(channel, input) {
    if (!allowedChannels.has(channel)) {
      return Promise.resolve(fail('unknown_channel', `Unknown channel: ${String(channel)}`));
    }
    return ipcRenderer.invoke(channel, input);
  },
  onFlushRequest(flush) {
    ipcRenderer.removeAllListeners(CONTROL_CHANNELS.flushRequest);
    ipcRenderer.on(CONTROL_CHANNELS.flushRequest, () => {
      flush()
        .catch(() => undefined)
        .finally(() => ipcRenderer.send(CONTROL_CHANNELS.flushDone));
    });
  },
  onMenuCommand(listener) {
    ipcRenderer.removeAllListeners(CONTROL_CHANNELS.menuCommand);
    ipcRenderer.on(CONTROL_CHANNELS.menuCommand, (_event, command: unknown) => {
      if (typeof command === 'string' && menuCommands.has(command)) listener(command as MenuCommand);
    });
  },
  onEvent(listener) {
    // Only the event crosses the bridge, never the IpcRendererEvent (it would expose ipcRenderer).
    const forward = (_event: unknown, change: unknown): void => listener(change);
    ipcRenderer.on(CONTROL_CHANNELS.changeEvent, forward);
    return () => {
      ipcRenderer.removeListener(CONTROL_CHANNELS.changeEvent, forward);
    };
  },
};

contextBridge.exposeInMainWorld('dossier', bridge);
