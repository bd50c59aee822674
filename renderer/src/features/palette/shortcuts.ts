/** The shortcuts the help overlay lists; one table so the overlay and the handlers cannot drift apart silently. */
export interface Shortcut {
  keys: string[];
  action: string;
}

export const isMac = (): boolean => /Mac|iPhone|iPad/.test(navigator.platform);

export function shortcutList(mac = isMac()): Shortcut[] {
  const mod = mac ? '⌘' : 'Ctrl';
  return [
    { keys: [`${mod}+K`], action: 'Open the command palette: jump to a note, article or project, or run a command' },
    { keys: ['?'], action: 'Show these keyboard shortcuts (outside text fields)' },
    { keys: ['↑', '↓'], action: 'Move through the palette, search results, the notes list and the library list' },
    { keys: ['j', 'k'], action: 'Move down / up in the notes list and the library list' },
    { keys: ['Enter'], action: 'Open the highlighted item (in the library list: open the article in the reader)' },
    { keys: ['Space', 'x'], action: 'Library list: select or unselect the article under the cursor' },
    { keys: ['Shift+↑', 'Shift+↓'], action: 'Library list: extend the selection (Shift-click selects a range, Ctrl/⌘-click adds one)' },
    { keys: [`${mod}+A`], action: 'Library list: select every article listed' },
    { keys: ['Delete'], action: 'Library list: delete the selected articles (asks first, and says which quotes it affects)' },
    { keys: ['Home', 'End'], action: 'First / last item of the notes or library list' },
    { keys: ['F2', 'Delete'], action: 'Sidebar project or tag: rename it / delete it (asks first, and says what it affects)' },
    { keys: ['Shift+F10', 'Menu'], action: 'Sidebar project or tag: its menu (rename, merge into another, delete); right click opens it too' },
    { keys: ['Esc'], action: 'Close the palette, this overlay or the search results; in the library list, clear the selection' },
  ];
}

/** Typing a "?" or a "j" into a field must type it, not trigger a shortcut. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
  return false;
}
