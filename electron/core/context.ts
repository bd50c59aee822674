import type { Db } from '../../db/connection';
import type { ChangeEvents } from './events';
import type { Library } from './library';

/** Everything a service needs; built once per process by openCore(). */
export interface CoreContext {
  /**
   * The open store. Read it on every call (never keep it in a variable across
   * calls): a restore swaps the handle, and while the library is damaged
   * reading it throws db_corrupt.
   */
  readonly db: Db;
  readonly dbPath: string;
  /** Injected so tests can control time; always an ISO-8601 UTC string with milliseconds. */
  now(): string;
  /** What the process hosting the core can do beyond the contract (absent: nothing). */
  readonly host?: CoreHost;
  /** Recovery and backups; absent in contexts built by hand (those channels then answer `unsupported`). */
  readonly library?: Library;
  /** Change events for open windows (events.ts); absent in contexts built by hand (the CLI's writes are seen by polling). */
  readonly events?: ChangeEvents;
}

/**
 * Capabilities only some hosts grant. Reading arbitrary local paths is for the
 * CLI (the user typed them) and for Electron's own file dialog; the renderer
 * and the browser harness send file contents instead, never paths.
 */
export interface CoreHost {
  /** clip.files may read the paths it is given. */
  allowPathInputs?: boolean;
  /** Shows a native file dialog (Electron main); resolves to the chosen paths. */
  pickFiles?: () => Promise<string[]>;
  /** Shows a native save dialog (Electron main); resolves to the chosen path, or undefined when cancelled. */
  chooseSaveFile?: (options: { title: string; defaultName: string; extensions: string[] }) => Promise<string | undefined>;
  /** Shows a native folder dialog (may create a folder); resolves to the chosen folder, or undefined when cancelled. */
  chooseExportFolder?: (options: { title: string; buttonLabel: string }) => Promise<string | undefined>;
  /** Writes plain text to the system clipboard (Electron main). */
  writeClipboard?: (text: string) => void;
  /** Shows a native open dialog for one file; resolves to its path, or undefined when cancelled. */
  chooseOpenFile?: (options: { title: string; filterName: string; extensions: string[] }) => Promise<string | undefined>;
  /**
   * Asks, in a native dialog the renderer cannot answer for, whether an export that stopped may go on:
   * replace `files` in `folder` (`replace`), or write beside other things in it (`folder`). Resolves true on yes.
   */
  confirmExport?: (request: { folder: string; files: string[]; stoppedOn: 'replace' | 'folder' }) => Promise<boolean>;
}

export function systemClock(): string {
  return new Date().toISOString();
}
