import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyLibraryFile } from '../../../db/backup';
import { useNativeBinding } from '../../../db/connection';
import { latestVersion } from '../../../db/migrate';
import { MIGRATIONS } from '../../../db/migrations';
import { backupDirFor, createBackup, listBackups, prunePurgedItemsFromBackups } from '../../../electron/core/services/backups';
import { callOk, makeTestCore } from '../../helpers/core';

/*
 * The Electron app loads better-sqlite3 from its own build (Electron's ABI). Here a "wrong ABI"
 * build is a file that is not a loadable native module: dlopen fails the same way it fails for a
 * module built for another NODE_MODULE_VERSION (an Error that is not an SQLite error).
 */
const nodeBuild = join(dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');

afterEach(() => useNativeBinding(undefined));

async function libraryWithOneBackupAndOneDeletion(): Promise<ReturnType<typeof makeTestCore> & { backup: string }> {
  const core = makeTestCore();
  const note = await callOk<{ id: number }>(core, 'notes.create', { title: 'Deleted later' });
  const backup = await createBackup(core.ctx.db, core.library.path, { reason: 'daily', now: core.ctx.now() });
  await callOk(core, 'notes.delete', { id: note.id });
  await callOk(core, 'trash.empty', {});
  return Object.assign(core, { backup: backup.file });
}

describe('one connection factory for every better-sqlite3 connection', () => {
  it('backup verification opens through the configured native build (a wrong build fails, the right one works)', async () => {
    const core = await libraryWithOneBackupAndOneDeletion();
    try {
      const wrongAbi = core.dir.file('wrong-abi.node');
      writeFileSync(wrongAbi, 'not a shared object');
      useNativeBinding(wrongAbi);
      // Without the factory, verifyLibraryFile used the package's own build and never saw the configured one.
      expect(() => verifyLibraryFile(core.backup, latestVersion(MIGRATIONS))).toThrow(/Cannot read/);
      useNativeBinding(nodeBuild);
      expect(verifyLibraryFile(core.backup, latestVersion(MIGRATIONS)).schemaVersion).toBe(latestVersion(MIGRATIONS));
      expect(listBackups(core.library.path)[0]).toMatchObject({ ok: true });
    } finally {
      core.close();
    }
  });

  it('pruning keeps a good backup that cannot be opened with the loaded build, and keeps the purge log to retry', async () => {
    const core = await libraryWithOneBackupAndOneDeletion();
    try {
      const wrongAbi = core.dir.file('wrong-abi.node');
      writeFileSync(wrongAbi, 'not a shared object');
      useNativeBinding(wrongAbi);
      prunePurgedItemsFromBackups(core.ctx.db, core.library.path);
      expect(existsSync(core.backup), 'a good backup was deleted as "damaged"').toBe(true);
      expect((core.ctx.db.prepare('SELECT count(*) AS n FROM purge_log').get() as { n: number }).n).toBe(1);

      // With the right build the same rotation prunes it and clears the log.
      useNativeBinding(nodeBuild);
      expect(prunePurgedItemsFromBackups(core.ctx.db, core.library.path)).toBe(1);
      expect(existsSync(core.backup)).toBe(true);
      expect((core.ctx.db.prepare('SELECT count(*) AS n FROM purge_log').get() as { n: number }).n).toBe(0);
    } finally {
      core.close();
    }
  });

  it('pruning still deletes a backup SQLite itself calls damaged', async () => {
    const core = await libraryWithOneBackupAndOneDeletion();
    try {
      writeFileSync(core.backup, Buffer.alloc(8192, 7));
      prunePurgedItemsFromBackups(core.ctx.db, core.library.path);
      expect(existsSync(core.backup)).toBe(false);
      expect(existsSync(backupDirFor(core.library.path))).toBe(true);
    } finally {
      core.close();
    }
  });
});
