import { dialog, type BrowserWindow } from 'electron';

/** The native open dialog behind export.importArchivePreview: one file, picked by the user, read by main. */
export async function chooseOpenFile(
  window: BrowserWindow | undefined,
  options: { title: string; filterName: string; extensions: string[] },
): Promise<string | undefined> {
  const dialogOptions: Electron.OpenDialogOptions = {
    title: options.title,
    filters: [{ name: options.filterName, extensions: options.extensions }],
    properties: ['openFile'],
  };
  const result = window ? await dialog.showOpenDialog(window, dialogOptions) : await dialog.showOpenDialog(dialogOptions);
  return result.canceled ? undefined : result.filePaths[0];
}
