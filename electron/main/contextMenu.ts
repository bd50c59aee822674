import { Menu, type BrowserWindow, type ContextMenuParams, type MenuItemConstructorOptions } from 'electron';

/**
 * The right-click menu Electron does not provide by itself: spelling suggestions for a misspelled
 * word (the window has `spellcheck: true`), then Cut/Copy/Paste/Select All as the spot allows.
 */
export function contextMenuTemplate(params: Pick<ContextMenuParams, 'isEditable' | 'selectionText' | 'misspelledWord' | 'dictionarySuggestions' | 'editFlags'>, window: BrowserWindow): MenuItemConstructorOptions[] {
  const contents = window.webContents;
  const items: MenuItemConstructorOptions[] = [];
  if (params.misspelledWord) {
    for (const suggestion of params.dictionarySuggestions.slice(0, 5)) {
      items.push({ label: suggestion, click: () => contents.replaceMisspelling(suggestion) });
    }
    if (params.dictionarySuggestions.length === 0) items.push({ label: 'No spelling suggestions', enabled: false });
    items.push({ type: 'separator' });
  }
  const hasSelection = params.selectionText.trim().length > 0;
  if (params.isEditable) items.push({ label: 'Cut', role: 'cut', enabled: hasSelection && params.editFlags.canCut !== false });
  if (hasSelection || params.isEditable) items.push({ label: 'Copy', role: 'copy', enabled: hasSelection });
  if (params.isEditable) items.push({ label: 'Paste', role: 'paste', enabled: params.editFlags.canPaste !== false });
  items.push({ label: 'Select All', role: 'selectAll' });
  return items;
}

export function installContextMenu(window: BrowserWindow): void {
  window.webContents.on('context-menu', (_event, params) => {
    Menu.buildFromTemplate(contextMenuTemplate(params, window)).popup({ window });
  });
}
