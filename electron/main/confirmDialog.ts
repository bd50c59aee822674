import { dialog, type BrowserWindow } from 'electron';

const LISTED = 12;

/**
 * The native question behind export.jobProceed: the renderer's own dialog
 * asked first, but a renderer that hostile content took over could skip it,
 * so main asks again, listing what would be replaced. True only on a yes.
 */
export async function confirmExport(
  window: BrowserWindow | undefined,
  request: { folder: string; files: string[]; stoppedOn: 'replace' | 'folder' },
): Promise<boolean> {
  const shown = request.files.slice(0, LISTED).map((file) => `  ${file}`);
  const more = request.files.length > LISTED ? [`  …and ${request.files.length - LISTED} more`] : [];
  const options: Electron.MessageBoxOptions = {
    type: 'warning',
    title: 'Dossier export',
    message:
      request.stoppedOn === 'replace'
        ? `Replace ${request.files.length} file${request.files.length === 1 ? '' : 's'} in ${request.folder}?`
        : `Export into ${request.folder}, which holds other files?`,
    detail: [...shown, ...more].join('\n'),
    buttons: [request.stoppedOn === 'replace' ? 'Replace' : 'Export here', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  };
  const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
  return response === 0;
}
