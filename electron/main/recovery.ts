import { dialog } from 'electron';
import type { Core } from '../core/openCore';

/**
 * Electron-only (type-checked, not run here): the startup dialog shown when
 * the library failed its integrity check. The damaged file has already been
 * moved aside by the core; this only asks what to open instead. The same
 * choices exist as channels (db.status, db.restore, db.startEmpty) and as
 * `dossier db status|restore`.
 */
export async function offerRecovery(core: Core): Promise<boolean> {
  const status = core.library.status();
  const backup = status.newestGoodBackup;
  const buttons = backup ? ['Restore the backup', 'Start an empty library', 'Quit'] : ['Start an empty library', 'Quit'];
  const { response } = await dialog.showMessageBox({
    type: 'error',
    message: 'Your Dossier library is damaged',
    detail: [
      `The file failed its integrity check (${status.damaged?.problem ?? 'unknown problem'}).`,
      `It was kept, renamed, at:\n${status.damaged?.movedTo ?? status.path}`,
      backup
        ? `The newest good backup is from ${backup.createdAt} (${backup.noteCount ?? 0} notes):\n${backup.file}`
        : 'No good backup was found.',
    ].join('\n\n'),
    buttons,
    defaultId: 0,
    cancelId: buttons.length - 1,
    noLink: true,
  });
  const choice = buttons[response];
  try {
    if (choice === 'Restore the backup' && backup) core.library.restore(backup.file);
    else if (choice === 'Start an empty library') core.library.startEmpty();
    else return false;
  } catch (error) {
    dialog.showErrorBox('Dossier could not recover the library', (error as Error).message);
    return false;
  }
  return true;
}
