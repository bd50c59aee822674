import { dialog, type BrowserWindow } from 'electron';

/** The native "Add to library" dialog: the only way the renderer's request turns into local paths the core may read. */
export async function pickClipFiles(window: BrowserWindow | undefined): Promise<string[]> {
  const options: Electron.OpenDialogOptions = {
    title: 'Add to library',
    buttonLabel: 'Clip',
    properties: ['openFile', 'multiSelections'],
    filters: [
      { name: 'Saved pages and text', extensions: ['html', 'htm', 'gz', 'txt', 'md', 'markdown'] },
      { name: 'All files', extensions: ['*'] },
    ],
  };
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}
