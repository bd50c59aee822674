import type { MenuCommand } from '../../../../shared/contract/api';

/** The export actions the application menu and the command palette both reach. */
export type ExportCommand = Extract<MenuCommand, 'export-project' | 'export-note' | 'copy-note-markdown' | 'export-archive' | 'import-archive'>;

export const EXPORT_COMMANDS: ReadonlyArray<{ id: ExportCommand; label: string }> = [
  { id: 'export-project', label: 'Export project…' },
  { id: 'export-note', label: 'Export note…' },
  { id: 'copy-note-markdown', label: 'Copy note as Markdown' },
  { id: 'export-archive', label: 'Export library archive…' },
  { id: 'import-archive', label: 'Import library archive…' },
];

export function isExportCommand(command: string): command is ExportCommand {
  return EXPORT_COMMANDS.some((c) => c.id === command);
}

/** What the open note's export actions offer (registered while a note is shown). */
export interface NoteExportHandle {
  noteId: number;
  copy(): Promise<void>;
  openPanel(): void;
}

type Runner = (command: ExportCommand) => void;

let runner: Runner | undefined;
let openNote: NoteExportHandle | undefined;

/** ExportCenter answers the commands; one at a time (the latest mounted). */
export function setExportRunner(next: Runner | undefined): void {
  runner = next;
}

export function runExportCommand(command: ExportCommand): void {
  runner?.(command);
}

export function setOpenNoteExport(handle: NoteExportHandle | undefined): void {
  openNote = handle;
}

export function clearOpenNoteExport(handle: NoteExportHandle): void {
  if (openNote === handle) openNote = undefined;
}

export function openNoteExport(): NoteExportHandle | undefined {
  return openNote;
}
