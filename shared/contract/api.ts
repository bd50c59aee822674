import type { Result } from '../errors';
import type { Channel, ChannelInput, ChannelOutput } from './channels';

/** Commands the main process's menu sends to the renderer. */
export const MENU_COMMANDS = ['new-note', 'export-project', 'export-note', 'copy-note-markdown', 'export-archive', 'import-archive'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Electron IPC channels outside the contract: the main process's requests to the renderer. */
export const CONTROL_CHANNELS = {
  flushRequest: 'dossier:flush-request',
  flushDone: 'dossier:flush-done',
  menuCommand: 'dossier:menu-command',
  /** Main pushes the core's change events (shared/contract/events.ts) on this one channel. */
  changeEvent: 'dossier:change-event',
} as const;

/**
 * What the preload exposes as `window.dossier` (and what the browser harness
 * bridge imitates): one invoke over the contract's channels, plus the hooks
 * the main process uses to make the renderer flush unsaved work before a
 * window closes and to forward menu commands.
 */
export interface DossierBridge {
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  /** Registers the renderer's flush; main awaits it before closing a window or quitting. */
  onFlushRequest(flush: () => Promise<void>): void;
  onMenuCommand(listener: (command: MenuCommand) => void): void;
  /**
   * Receives the core's change events (shared/contract/events.ts) as they arrive, unchecked: the
   * renderer's client parses each with the ChangeEvent schema. Returns the unsubscribe.
   */
  onEvent(listener: (event: unknown) => void): () => void;
  readonly transport: 'electron' | 'web';
}
