import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS } from '../../../shared/contract/api';
import { EXPORT_COMMANDS, isExportCommand } from '../../../renderer/src/features/export/exportCommands';

/** The File menu lives in Electron main (it cannot run here): its source is read to prove it sends every command. */
const MENU_SOURCE = readFileSync(new URL('../../../electron/main/menu.ts', import.meta.url), 'utf8');

describe('export commands: the application menu and the command palette reach the same actions', () => {
  it('every export command is a menu command the preload forwards, and the menu sends each one', () => {
    const exportIds = EXPORT_COMMANDS.map((c) => c.id);
    expect(exportIds.sort()).toEqual(MENU_COMMANDS.filter((c) => c !== 'new-note').sort());
    for (const id of exportIds) expect(MENU_SOURCE, `menu.ts sends ${id}`).toContain(`send('${id}')`);
  });

  it('labels name what the issue asks for, and unknown commands are not taken for export commands', () => {
    expect(EXPORT_COMMANDS.map((c) => c.label)).toEqual([
      'Export project…',
      'Export note…',
      'Copy note as Markdown',
      'Export library archive…',
      'Import library archive…',
    ]);
    expect(isExportCommand('new-note')).toBe(false);
    expect(isExportCommand('export-project')).toBe(true);
  });
});
