import { describe, expect, it } from 'vitest';
import { deskActionFor, isPaneSwitch, shortcutList } from '../../../renderer/src/features/palette/shortcuts';

/** A key label as the overlay prints it ("Shift+Q", "Ctrl+\\") turned into the key press it names. */
function pressOf(label: string) {
  const parts = label.split('+');
  const key = parts.length > 1 && parts.at(-1) === '' ? '+' : parts.at(-1)!;
  const mods = new Set(parts.slice(0, -1));
  return { key, shiftKey: mods.has('Shift'), ctrlKey: mods.has('Ctrl'), metaKey: mods.has('⌘'), altKey: mods.has('Alt') };
}

describe('the ? overlay lists the desk keys, and each listed key does what it says', () => {
  for (const mac of [false, true]) {
    it(`on ${mac ? 'macOS' : 'Linux/Windows'}`, () => {
      const list = shortcutList(mac);
      const row = (key: string) => list.find((s) => s.keys.includes(key));
      expect(row('q')?.action).toMatch(/quote it into the current note/);
      expect(row('Shift+Q')?.action).toMatch(/inline/);
      expect(row('h')?.action).toMatch(/highlight/);
      expect(row('c')?.action).toMatch(/comment/);
      expect(row('F6')?.action).toMatch(/between the current note .* and the reader/);
      expect(row(']')?.action).toMatch(/next \/ previous sentence/);

      // The handlers read the same table: every listed reader key triggers its action, every pane key switches panes.
      expect(deskActionFor(pressOf('q'))).toBe('quote');
      expect(deskActionFor(pressOf('Shift+Q'))).toBe('quoteInline');
      expect(deskActionFor(pressOf('h'))).toBe('highlight');
      expect(deskActionFor(pressOf('c'))).toBe('comment');
      for (const key of row('F6')!.keys) expect({ key, switches: isPaneSwitch(pressOf(key)) }).toEqual({ key, switches: true });
      // Modified or other keys do nothing on the selection.
      expect(deskActionFor(pressOf('Ctrl+c'))).toBeUndefined();
      expect(deskActionFor(pressOf('Shift+H'))).toBeUndefined();
      expect(deskActionFor({ ...pressOf('q'), key: 'Q' })).toBe('quote'); // Caps Lock
      expect(isPaneSwitch(pressOf('Shift+F6'))).toBe(false);
    });
  }
});
