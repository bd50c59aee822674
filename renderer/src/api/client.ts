import type { DossierBridge, MenuCommand } from '../../../shared/contract/api';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/contract/channels';
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

export function onMenuCommand(listener: (command: MenuCommand) => void): void {
  bridge.onMenuCommand(listener);
}

export const transport = bridge.transport;
