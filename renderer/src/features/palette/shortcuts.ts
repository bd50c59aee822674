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
    { keys: ['↑', '↓'], action: 'Move through the palette, search results and the notes list' },
    { keys: ['j', 'k'], action: 'Move down / up in the notes list' },
    { keys: ['Enter'], action: 'Open the highlighted item' },
    { keys: ['Esc'], action: 'Close the palette, this overlay or the search results' },
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
