import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection';
import { latestVersion, migrate, schemaVersion, type Migration } from '../../../db/migrate';
import { MIGRATIONS } from '../../../db/migrations';
import { DossierError } from '../../../shared/errors';
import { makeTempDir } from '../../helpers/tempDir';

describe('migrations', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => dir.cleanup());

  it('bring an empty file to the latest schema with the durability settings on', () => {
    const db = openDatabase(dir.file('fresh.sqlite'));
    expect(schemaVersion(db)).toBe(latestVersion(MIGRATIONS));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    const tables = db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as Array<{ name: string; sql: string }>;
    expect(tables.map((t) => t.name)).toContain('notes');
    // FTS5 creates its own shadow tables (<virtual table>_data, _idx, _docsize, _config).
    const virtualTables = tables.filter((t) => /VIRTUAL/i.test(t.sql)).map((t) => t.name);
    const isShadow = (name: string) => virtualTables.some((v) => name.startsWith(`${v}_`));
    for (const table of tables.filter((t) => !/VIRTUAL/i.test(t.sql) && !isShadow(t.name))) expect(table.sql).toMatch(/\)\s*STRICT\s*$/);
    db.close();
  });

  it('are numbered 1..n with no gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('reopening an up-to-date file changes nothing', () => {
    const path = dir.file('again.sqlite');
    openDatabase(path).close();
    const db = openDatabase(path);
    expect(schemaVersion(db)).toBe(latestVersion(MIGRATIONS));
    db.close();
  });

  it('refuse a database from a newer Dossier and leave it untouched', () => {
    const path = dir.file('future.sqlite');
    const raw = new Database(path);
    raw.exec('CREATE TABLE from_the_future (x INTEGER) STRICT');
    raw.pragma(`user_version = ${latestVersion(MIGRATIONS) + 5}`);
    raw.close();

    let caught: unknown;
    try {
      openDatabase(path);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DossierError);
    expect((caught as DossierError).code).toBe('db_from_newer_version');
    expect((caught as DossierError).message).toMatch(/newer version of Dossier/);

    const check = new Database(path, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(latestVersion(MIGRATIONS) + 5);
    expect(check.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE name = 'notes'`).get()).toEqual({ n: 0 });
    check.close();
  });

  it('a migration that throws halfway leaves the previous version and data untouched', () => {
    const path = dir.file('halfway.sqlite');
    const db = openDatabase(path);
    db.prepare(`INSERT INTO notes (title, content_json, content_text, created_at, updated_at) VALUES ('kept', '{}', '', 'a', 'a')`).run();
    const before = schemaVersion(db);
    const failing: Migration = {
      version: before + 1,
      name: 'fails-halfway',
      up(d) {
        d.exec(`CREATE TABLE half_done (x INTEGER) STRICT; DELETE FROM notes;`);
        throw new Error('injected failure');
      },
    };
    expect(() => migrate(db, [...MIGRATIONS, failing])).toThrow('injected failure');
    expect(schemaVersion(db)).toBe(before);
    expect(db.prepare(`SELECT title FROM notes`).all()).toEqual([{ title: 'kept' }]);
    expect(db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE name = 'half_done'`).get()).toEqual({ n: 0 });
    db.close();
  });

  it('reject a migration list with a gap', () => {
    const db = new Database(':memory:');
    const gap: Migration = { version: 3, name: 'gap', up() {} };
    expect(() => migrate(db, [MIGRATIONS[0]!, gap])).toThrow(/expected 2/);
    db.close();
  });
});
