import { useEffect, useState, type ReactNode } from 'react';
import { onMenuCommand } from '../../api/client';
import { ArchiveDialog } from './ArchiveDialog';
import './export.css';
import { isExportCommand, openNoteExport, setExportRunner, type ExportCommand } from './exportCommands';
import { ProjectExportDialog } from './ProjectExportDialog';

type Open = 'project' | 'archive-export' | 'archive-import' | undefined;

/**
 * Where the application menu's and the command palette's export commands
 * land: both call runExportCommand, so they do exactly the same thing. Note
 * commands act on the note open in the editor; the others open a dialog.
 */
export function ExportCenter({ onError }: { onError(message: string): void }): ReactNode {
  const [open, setOpen] = useState<Open>(undefined);

  useEffect(() => {
    const run = (command: ExportCommand): void => {
      if (command === 'export-note' || command === 'copy-note-markdown') {
        const note = openNoteExport();
        if (!note) {
          onError('Open a note first: there is no note to export.');
          return;
        }
        if (command === 'export-note') note.openPanel();
        else void note.copy();
        return;
      }
      setOpen(command === 'export-project' ? 'project' : command === 'export-archive' ? 'archive-export' : 'archive-import');
    };
    setExportRunner(run);
    const unsubscribe = onMenuCommand((command) => {
      if (isExportCommand(command)) run(command);
    });
    return () => {
      setExportRunner(undefined);
      unsubscribe();
    };
  }, [onError]);

  const close = (): void => setOpen(undefined);
  if (open === 'project') return <ProjectExportDialog onClose={close} />;
  if (open === 'archive-export') return <ArchiveDialog mode="export" onClose={close} />;
  if (open === 'archive-import') return <ArchiveDialog mode="import" onClose={close} />;
  return null;
}
