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
    { keys: [']', '['], action: 'Reader: select the next / previous sentence (Shift+] / Shift+[ extend or shrink the selection)' },
    ...DESK_KEYS.map((k) => ({ keys: [k.key], action: `Reader, with text selected: ${k.action}` })),
    { keys: PANE_SWITCH_KEYS(mod), action: 'Desk: move focus between the current note (at its cursor) and the reader' },
    { keys: ['F2', 'Delete'], action: 'Sidebar project or tag: rename it / delete it (asks first, and says what it affects)' },
    { keys: ['Shift+F10', 'Menu'], action: 'Sidebar project or tag: its menu (rename, merge into another, delete); right click opens it too' },
    { keys: ['Esc'], action: 'Close the palette, this overlay or the search results; in the library list, clear the selection' },
  ];
}

/** What the reader's single keys do with a selection. */
export type DeskAction = 'quote' | 'quoteInline' | 'highlight' | 'comment';

/** The reader's keys on a selection: ReaderView acts through deskActionFor, the overlay lists this table. */
export const DESK_KEYS: ReadonlyArray<{ action: string; key: string; does: DeskAction }> = [
  { key: 'q', does: 'quote', action: 'quote it into the current note, after the paragraph holding its cursor' },
  { key: 'Shift+Q', does: 'quoteInline', action: 'quote it inline, at the current note’s cursor' },
  { key: 'h', does: 'highlight', action: 'highlight it' },
  { key: 'c', does: 'comment', action: 'comment: quote it, then write below it in the note' },
];

/** The pane keys of the desk (F6, and Ctrl/⌘+\ where F keys are awkward). */
export const PANE_SWITCH_KEYS = (mod: string): string[] => ['F6', `${mod}+\\`];

interface KeyLike {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** The reader action a key press asks for, by DESK_KEYS (Caps Lock's Q without Shift is still q). */
export function deskActionFor(event: KeyLike): DeskAction | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  const pressed = event.shiftKey ? `Shift+${event.key.toUpperCase()}` : event.key.toLowerCase();
  return DESK_KEYS.find((k) => k.key === pressed)?.does;
}

/** Whether a key press moves focus to the desk's other side (PANE_SWITCH_KEYS). */
export function isPaneSwitch(event: KeyLike): boolean {
  if (event.key === 'F6') return !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey;
  return (event.ctrlKey || event.metaKey) && !event.altKey && event.key === '\\';
}

/** Typing a "?" or a "j" into a field must type it, not trigger a shortcut. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
  return false;
}
