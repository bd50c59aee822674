import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { CONTROL_CHANNELS, type MenuCommand } from '../../shared/contract/api';

export function installMenu(getWindow: () => BrowserWindow | undefined, isDev: boolean): void {
  const send = (command: MenuCommand) => () => getWindow()?.webContents.send(CONTROL_CHANNELS.menuCommand, command);
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'New Note', accelerator: 'CmdOrCtrl+N', click: send('new-note') },
        { type: 'separator' },
        // The renderer runs these (it knows the open note and asks for options); paths are chosen in main's dialogs.
        { label: 'Export Project…', click: send('export-project') },
        { label: 'Export Note…', click: send('export-note') },
        { label: 'Copy Note as Markdown', click: send('copy-note-markdown') },
        { type: 'separator' },
        { label: 'Export Library Archive…', click: send('export-archive') },
        { label: 'Import Library Archive…', click: send('import-archive') },
        { type: 'separator' },
        process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        ...(isDev ? [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }, { type: 'separator' as const }] : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
