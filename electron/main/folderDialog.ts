import { dialog, type BrowserWindow } from 'electron';

/** The native folder dialog behind export.projectStart: the user picks (or creates) the folder, main gets the path. */
export async function chooseExportFolder(
  window: BrowserWindow | undefined,
  options: { title: string; buttonLabel: string },
): Promise<string | undefined> {
  const dialogOptions: Electron.OpenDialogOptions = {
    title: options.title,
    buttonLabel: options.buttonLabel,
    properties: ['openDirectory', 'createDirectory'],
  };
  const result = window ? await dialog.showOpenDialog(window, dialogOptions) : await dialog.showOpenDialog(dialogOptions);
  return result.canceled ? undefined : result.filePaths[0];
}
