import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../shared/contract/channels';
import { rendererMayCall, rendererRefusal } from '../../../electron/core/rendererPolicy';

const DB = '/home/me/.config/Dossier/dossier.sqlite';
const BACKUPS = '/home/me/.config/Dossier/backups';

describe('what the Electron renderer may call', () => {
  it('never lets it name a path to read or write', () => {
    for (const channel of ['clip.files', 'import.files', 'export.note', 'export.notes', 'export.project', 'export.archive', 'export.importArchive'] as const) {
      expect(rendererMayCall(channel, {}, DB), channel).toBe(false);
    }
    expect(rendererMayCall('db.backup', { out: '/home/me/.bashrc' }, DB)).toBe(false);
    expect(rendererMayCall('export.projectStart', { name: 'Harbour', folder: '/home/me' }, DB)).toBe(false);
    expect(rendererMayCall('export.importArchivePreview', { file: '/home/me/other.gz' }, DB)).toBe(false);
    // Even an explicit undefined key is a path the renderer tried to name.
    expect(rendererMayCall('export.projectStart', { name: 'Harbour', folder: undefined }, DB)).toBe(false);
  });

  it('lets it use the dialog-backed and path-free channels', () => {
    expect(rendererMayCall('export.noteToChosenFile', { id: 1 }, DB)).toBe(true);
    expect(rendererMayCall('export.projectStart', { name: 'Harbour', citationStyle: 'inline' }, DB)).toBe(true);
    expect(rendererMayCall('export.importArchivePreview', {}, DB)).toBe(true);
    expect(rendererMayCall('export.archiveToChosenFile', {}, DB)).toBe(true);
    expect(rendererMayCall('export.jobProceed', { jobId: 'abcdefghijkl' }, DB)).toBe(true);
    expect(rendererMayCall('clip.pickFiles', {}, DB)).toBe(true);
    expect(rendererMayCall('db.backup', {}, DB)).toBe(true);
    const pathFree = CHANNELS.filter((c) => !c.startsWith('export.') && c !== 'clip.files' && c !== 'import.files' && c !== 'db.backup' && c !== 'db.restore');
    for (const channel of pathFree) expect(rendererMayCall(channel, {}, DB), channel).toBe(true);
  });

  it('restores only one of the library’s own rotating backups', () => {
    const own = join(BACKUPS, 'dossier-20260125T101500123Z-daily.sqlite');
    expect(rendererRefusal('db.restore', { file: own }, DB)).toBeUndefined();
    const refused = [
      '/home/me/Downloads/dossier-20260125T101500123Z-daily.sqlite', // right name, wrong folder
      join(BACKUPS, 'evil.sqlite'), // right folder, not a backup's name
      join(BACKUPS, 'sub', 'dossier-20260125T101500123Z-daily.sqlite'),
      `${BACKUPS}/../backups/dossier-20260125T101500123Z-daily.sqlite`, // not in its plain form
      `${BACKUPS}/../dossier.sqlite`,
      'dossier-20260125T101500123Z-daily.sqlite',
    ];
    for (const file of refused) {
      const refusal = rendererRefusal('db.restore', { file }, DB);
      expect(refusal, file).toContain("Only a backup in Dossier's backups folder");
      expect(refusal, file).toContain(BACKUPS);
    }
    expect(rendererMayCall('db.restore', {}, DB)).toBe(false);
    expect(rendererMayCall('db.restore', { file: 7 }, DB)).toBe(false);
  });
});
