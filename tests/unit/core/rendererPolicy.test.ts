import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../shared/contract/channels';
import { rendererMayCall } from '../../../electron/core/rendererPolicy';

describe('what the Electron renderer may call', () => {
  it('never lets it name a path to read or write', () => {
    for (const channel of ['clip.files', 'import.files', 'export.note', 'export.notes', 'export.project', 'export.archive', 'export.importArchive'] as const) {
      expect(rendererMayCall(channel, {}), channel).toBe(false);
    }
    expect(rendererMayCall('db.backup', { out: '/home/me/.bashrc' })).toBe(false);
  });

  it('lets it use the dialog-backed and path-free channels', () => {
    expect(rendererMayCall('export.noteToChosenFile', { id: 1 })).toBe(true);
    expect(rendererMayCall('clip.pickFiles', {})).toBe(true);
    expect(rendererMayCall('db.backup', {})).toBe(true);
    const pathFree = CHANNELS.filter((c) => !c.startsWith('export.') && c !== 'clip.files' && c !== 'import.files' && c !== 'db.backup');
    for (const channel of pathFree) expect(rendererMayCall(channel, {}), channel).toBe(true);
  });
});
