import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS } from '../../../shared/contract/api';
import { EXPORT_COMMANDS, isExportCommand } from '../../../renderer/src/features/export/exportCommands';

/** That the File menu sends each of these is asserted by running main on the electron double (tests/unit/electron/mainProcess.test.ts, "menus"). */

describe('export commands: the application menu and the command palette reach the same actions', () => {
  it('every export command is a menu command the preload forwards', () => {
    const exportIds = EXPORT_COMMANDS.map((c) => c.id);
    expect(exportIds.sort()).toEqual(MENU_COMMANDS.filter((c) => c !== 'new-note').sort());
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
