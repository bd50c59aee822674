import type { DossierBridge, MenuCommand } from '../../../shared/contract/api';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/contract/channels';
import { ChangeEvent } from '../../../shared/contract/events';
import { DossierError } from '../../../shared/errors';
import { createWebBridge } from './webBridge';

const bridge: DossierBridge = window.dossier ?? createWebBridge(window.location);

/** Calls a contract channel; an error result becomes a thrown DossierError with its code. */
export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await bridge.invoke(channel, input);
  if (!result.ok) throw new DossierError(result.error.code, result.error.message);
  return result.value;
}

export function onFlushRequest(flush: () => Promise<void>): void {
  bridge.onFlushRequest(flush);
}

const menuListeners = new Set<(command: MenuCommand) => void>();
let menuBound = false;

/** Several parts of the app answer menu commands: the bridge holds one listener, which fans out. Returns the unsubscribe. */
export function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  menuListeners.add(listener);
  if (!menuBound) {
    menuBound = true;
    bridge.onMenuCommand((command) => menuListeners.forEach((each) => each(command)));
  }
  return () => {
    menuListeners.delete(listener);
  };
}

export const transport = bridge.transport;

/**
 * The one subscription to the core's change events (IPC push in Electron,
 * Server-Sent Events in the harness). Each event is checked against the
 * shared schema; anything else is dropped. Returns the unsubscribe.
 */
export function listen(handler: (event: ChangeEvent) => void): () => void {
  return bridge.onEvent((raw) => {
    const parsed = ChangeEvent.safeParse(raw);
    if (parsed.success) handler(parsed.data);
  });
}
