import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readdirSync, statSync, utimesSync, writeFileSync, writeSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection';
import { latestVersion, migrate } from '../../../db/migrate';
import { MIGRATIONS } from '../../../db/migrations';
import { dispatch } from '../../../electron/core/dispatch';
import { openCore } from '../../../electron/core/openCore';
import { backupDirFor, backupIfDue, createBackup, listBackups } from '../../../electron/core/services/backups';
import { DossierError } from '../../../shared/errors';
import { editorJson } from '../../helpers/core';
import { flipBytesInTablePage } from '../../helpers/corrupt';
import { makeTempDir } from '../../helpers/tempDir';

function clock(start = '2026-03-01T09:00:00.000Z'): () => string {
  let t = Date.parse(start);
  return () => new Date((t += 1000)).toISOString();
}

describe('startup integrity check and recovery (T6)', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let dbPath: string;
  beforeEach(() => {
    dir = makeTempDir();
    dbPath = dir.file('dossier.sqlite');
  });
  afterEach(() => dir.cleanup());

  async function libraryWithBackup(): Promise<{ backupFile: string }> {
    const core = openCore(dbPath, { now: clock() });
    const note = await dispatch(core.handlers, 'notes.create', { title: 'Source: harbour official' });
    const id = (note as { value: { id: number } }).value.id;
    await dispatch(core.handlers, 'notes.save', { id, contentJson: editorJson('met at the quay, 6 pm') });
    const backup = await dispatch(core.handlers, 'db.backup', {});
    expect(backup).toMatchObject({ ok: true, value: { ok: true, reason: 'manual', noteCount: 1 } });
    // Work after the backup: lost only if the user restores, and the damaged file keeps it.
    await dispatch(core.handlers, 'notes.create', { title: 'after the backup' });
    core.close();
    return { backupFile: (backup as { value: { file: string } }).value.file };
  }

  it('openDatabase reports a flipped page as db_corrupt with a clear message', async () => {
    await libraryWithBackup();
    flipBytesInTablePage(dbPath, 'notes');
    let caught: unknown;
    try {
      openDatabase(dbPath).close();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DossierError);
    expect((caught as DossierError).code).toBe('db_corrupt');
    expect((caught as DossierError).message).toMatch(/damaged/);
  });

  it('a damaged library is set aside untouched, the newest good backup is offered, and restoring it works', async () => {
    const { backupFile } = await libraryWithBackup();
    flipBytesInTablePage(dbPath, 'notes');
    const damagedBytes = statSync(dbPath).size;

    const core = openCore(dbPath, { now: clock('2026-03-02T08:00:00.000Z') });
    try {
      const status = await dispatch(core.handlers, 'db.status', {});
      expect(status).toMatchObject({ ok: true, value: { state: 'damaged', newestGoodBackup: { file: backupFile, ok: true, noteCount: 1 } } });
      const movedTo = (status as { value: { damaged: { movedTo: string } } }).value.damaged.movedTo;
      expect(movedTo).toMatch(/dossier\.sqlite\.damaged-20260302T080001000Z$/);
      expect(statSync(movedTo).size).toBe(damagedBytes);
      expect(existsSync(dbPath)).toBe(false);

      // Every data channel refuses with a typed error instead of opening or creating anything.
      expect(await dispatch(core.handlers, 'notes.list', {})).toMatchObject({ ok: false, error: { code: 'db_corrupt' } });
      expect(await dispatch(core.handlers, 'notes.create', {})).toMatchObject({ ok: false, error: { code: 'db_corrupt' } });
      expect(existsSync(dbPath)).toBe(false);

      const restored = await dispatch(core.handlers, 'db.restore', { file: backupFile });
      expect(restored).toMatchObject({ ok: true, value: { restoredFrom: backupFile, previousMovedTo: movedTo, noteCount: 1 } });
      const notes = await dispatch(core.handlers, 'notes.list', {});
      expect(notes).toMatchObject({ ok: true, value: [{ title: 'Source: harbour official', excerpt: 'met at the quay, 6 pm' }] });
      expect(await dispatch(core.handlers, 'db.check', {})).toMatchObject({ ok: true, value: { ok: true } });
      expect(existsSync(movedTo)).toBe(true);
      expect(existsSync(backupFile)).toBe(true);
    } finally {
      core.close();
    }
  });

  it('a header that is not SQLite at all is handled the same way', async () => {
    await libraryWithBackup();
    const garbage = Buffer.alloc(100, 0x41);
    const fd = openSync(dbPath, 'r+');
    writeSync(fd, garbage, 0, 100, 0);
    closeSync(fd);
    const core = openCore(dbPath, { now: clock() });
    try {
      expect(core.library.status()).toMatchObject({ state: 'damaged' });
    } finally {
      core.close();
    }
  });

  it('stays closed on the next launch until the user restores or starts empty, and never deletes the damaged copy', async () => {
    await libraryWithBackup();
    flipBytesInTablePage(dbPath, 'notes');
    openCore(dbPath, { now: clock() }).close();
    const again = openCore(dbPath, { now: clock('2026-03-05T00:00:00.000Z') });
    try {
      expect(again.library.status()).toMatchObject({ state: 'damaged', damaged: { movedTo: expect.stringContaining('.damaged-') } });
      expect(existsSync(dbPath)).toBe(false);
      const fresh = await dispatch(again.handlers, 'db.startEmpty', {});
      expect(fresh).toMatchObject({ ok: true, value: { state: 'ok', damaged: null } });
      expect(await dispatch(again.handlers, 'notes.list', {})).toEqual({ ok: true, value: [] });
      expect(readdirSync(dir.path).filter((n) => n.includes('.damaged-') && !n.endsWith('-wal') && !n.endsWith('-shm'))).toHaveLength(1);
      // A healthy library is never swapped for an empty one.
      expect(await dispatch(again.handlers, 'db.startEmpty', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    } finally {
      again.close();
    }
  });

  it('restore refuses a file that is damaged, not a Dossier library, or from a newer Dossier, and changes nothing', async () => {
    await libraryWithBackup();
    const core = openCore(dbPath, { now: clock() });
    try {
      const notALibrary = dir.file('other.sqlite');
      new Database(notALibrary).exec('CREATE TABLE t (x)');
      const textFile = dir.file('notes.txt');
      writeFileSync(textFile, 'hello');
      const future = dir.file('future.sqlite');
      const f = new Database(future);
      f.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY)');
      f.pragma(`user_version = ${latestVersion(MIGRATIONS) + 1}`);
      f.close();
      const before = await dispatch(core.handlers, 'notes.list', {});
      expect(await dispatch(core.handlers, 'db.restore', { file: notALibrary })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(await dispatch(core.handlers, 'db.restore', { file: textFile })).toMatchObject({ ok: false, error: { code: 'db_corrupt' } });
      expect(await dispatch(core.handlers, 'db.restore', { file: future })).toMatchObject({ ok: false, error: { code: 'db_from_newer_version' } });
      expect(await dispatch(core.handlers, 'db.restore', { file: dir.file('missing.sqlite') })).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(await dispatch(core.handlers, 'notes.list', {})).toEqual(before);
    } finally {
      core.close();
    }
  });
});

describe('backups', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let dbPath: string;
  beforeEach(() => {
    dir = makeTempDir();
    dbPath = dir.file('dossier.sqlite');
  });
  afterEach(() => dir.cleanup());

  it('rotate: each is verified by opening it, only the newest N are kept, and at most one automatic backup a day', async () => {
    const now = clock();
    const core = openCore(dbPath, { now });
    try {
      for (let i = 0; i < 5; i += 1) {
        await dispatch(core.handlers, 'notes.create', { title: `n${i}` });
        const info = await createBackup(core.ctx.db, dbPath, { reason: 'daily', now: now(), keep: 3 });
        expect(info).toMatchObject({ ok: true, noteCount: i + 1, schemaVersion: latestVersion(MIGRATIONS) });
      }
      const kept = listBackups(dbPath);
      expect(kept.map((b) => b.noteCount)).toEqual([5, 4, 3]);
      expect(readdirSync(backupDirFor(dbPath)).filter((n) => !n.endsWith('.sqlite'))).toEqual([]);

      // Another automatic backup within 24 h is skipped; after 24 h it is taken.
      const newest = kept[0]!.createdAt;
      expect(await backupIfDue(core.ctx.db, dbPath, new Date(Date.parse(newest) + 3_600_000).toISOString())).toBeNull();
      const due = await backupIfDue(core.ctx.db, dbPath, new Date(Date.parse(newest) + 86_400_001).toISOString());
      expect(due).toMatchObject({ ok: true, reason: 'daily' });
    } finally {
      core.close();
    }
  });

  it('a damaged backup is listed as not ok and never offered', async () => {
    const core = openCore(dbPath, { now: clock() });
    try {
      await dispatch(core.handlers, 'notes.create', { title: 'x' });
      const good = (await dispatch(core.handlers, 'db.backup', {})) as { value: { file: string } };
      const bad = (await dispatch(core.handlers, 'db.backup', {})) as { value: { file: string } };
      flipBytesInTablePage(bad.value.file, 'notes');
      const listed = await dispatch(core.handlers, 'db.backups.list', {});
      expect(listed).toMatchObject({ ok: true, value: [{ file: bad.value.file, ok: false }, { file: good.value.file, ok: true }] });
      expect(listBackups(dbPath).find((b) => b.ok)?.file).toBe(good.value.file);
    } finally {
      core.close();
    }
  });

  it('--out writes a verified copy and never overwrites an existing file', async () => {
    const core = openCore(dbPath, { now: clock() });
    try {
      const out = dir.file('copy.sqlite');
      expect(await dispatch(core.handlers, 'db.backup', { out })).toMatchObject({ ok: true, value: { file: out, ok: true } });
      const mtime = statSync(out).mtimeMs;
      utimesSync(out, new Date(0), new Date(0));
      expect(await dispatch(core.handlers, 'db.backup', { out })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(statSync(out).mtimeMs).not.toBe(mtime);
    } finally {
      core.close();
    }
  });

  it('a pending migration on an existing library is preceded by a verified backup of the old schema (T7)', () => {
    const raw = new Database(dbPath);
    migrate(raw, MIGRATIONS.slice(0, 1));
    raw.prepare(`INSERT INTO notes (title, content_json, content_text, created_at, updated_at) VALUES ('old', '{}', '', 'a', 'a')`).run();
    raw.close();
    const core = openCore(dbPath, { now: clock() });
    try {
      const backups = listBackups(dbPath);
      expect(backups).toHaveLength(1);
      expect(backups[0]).toMatchObject({ reason: 'pre-migration', ok: true, schemaVersion: 1, noteCount: 1 });
      expect(core.library.status().state).toBe('ok');
    } finally {
      core.close();
    }
    // A fresh library has nothing to protect: no backup.
    const fresh = dir.file('fresh/dossier.sqlite');
    openCore(fresh).close();
    expect(listBackups(fresh)).toEqual([]);
  });

  it('if the pre-migration backup cannot be written, the migration does not run and the library is untouched', () => {
    const raw = new Database(dbPath);
    migrate(raw, MIGRATIONS.slice(0, 1));
    raw.prepare(`INSERT INTO notes (title, content_json, content_text, created_at, updated_at) VALUES ('old', '{}', '', 'a', 'a')`).run();
    raw.close();
    writeFileSync(backupDirFor(dbPath), 'a file where the backups folder should be');
    expect(() => openCore(dbPath, { now: clock() })).toThrow();
    const check = new Database(dbPath, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(1);
    expect(check.prepare('SELECT title FROM notes').all()).toEqual([{ title: 'old' }]);
    check.close();
  });
});
