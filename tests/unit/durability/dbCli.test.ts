import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flipBytesInTablePage } from '../../helpers/corrupt';
import { makeTempDir } from '../../helpers/tempDir';
import { runCli as run } from '../../helpers/runCli';

describe('dossier db backup | restore | check | status', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let db: string;
  beforeEach(() => {
    dir = makeTempDir();
    db = dir.file('lib/dossier.sqlite');
  });
  afterEach(() => dir.cleanup());

  it('backs up, detects damage, and restores from the command line', async () => {
    expect((await run('notes', 'create', '--title', 'Procurement leak', '--db', db)).code).toBe(0);
    const out = dir.file('manual.sqlite');
    const backup = await run('db', 'backup', '--out', out, '--db', db);
    expect(backup).toMatchObject({ code: 0, stdout: expect.stringContaining('Backed up 1 notes') });
    expect(existsSync(out)).toBe(true);
    expect((await run('db', 'backup', '--out', out, '--db', db)).code).toBe(1);
    expect((await run('db', 'backup', '--db', db)).code).toBe(0);
    expect((await run('db', 'backups', '--db', db)).stdout).toMatch(/manual\s+1\s+ok/);
    expect((await run('db', 'check', '--db', db)).code).toBe(0);

    flipBytesInTablePage(db, 'notes');
    const status = await run('db', 'status', '--db', db);
    expect(status.code).toBe(1);
    expect(status.stdout).toMatch(/damaged and was set aside/);
    expect(status.stdout).toMatch(/dossier db restore/);
    const check = await run('db', 'check', '--db', db, '--json');
    expect(check.code).toBe(1);
    expect(JSON.parse(check.stdout)).toMatchObject({ ok: false, error: { code: 'db_corrupt' } });

    const restored = await run('db', 'restore', out, '--db', db);
    expect(restored).toMatchObject({ code: 0, stdout: expect.stringContaining('Restored 1 notes') });
    expect((await run('notes', 'list', '--db', db)).stdout).toMatch(/Procurement leak/);
    expect((await run('db', 'restore', '--db', db)).code).toBe(2);
  });
});
