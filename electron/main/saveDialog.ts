import { dialog, type BrowserWindow } from 'electron';

/** The native save dialog behind export.noteToChosenFile: the renderer asks, the user picks, main gets the path. */
export async function chooseSaveFile(
  window: BrowserWindow | undefined,
  options: { title: string; defaultName: string; extensions: string[] },
): Promise<string | undefined> {
  const dialogOptions: Electron.SaveDialogOptions = {
    title: options.title,
    defaultPath: options.defaultName,
    filters: [{ name: 'Markdown', extensions: options.extensions }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const result = window ? await dialog.showSaveDialog(window, dialogOptions) : await dialog.showSaveDialog(dialogOptions);
  return result.canceled || !result.filePath ? undefined : result.filePath;
}
