import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { latestVersion } from '../../../db/migrate';
import { MIGRATIONS } from '../../../db/migrations';
import { makeTempDir } from '../../helpers/tempDir';
import { runCli as run } from '../../helpers/runCli';

describe('dossier CLI', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let db: string;
  beforeEach(() => {
    dir = makeTempDir();
    db = dir.file('cli.sqlite');
  });
  afterEach(() => dir.cleanup());

  it('creates, lists and shows notes, as text and as JSON', async () => {
    const created = await run('notes', 'create', '--title', 'Cartel timeline', '--db', db, '--json');
    expect(created.code).toBe(0);
    const note = JSON.parse(created.stdout);
    expect(note).toMatchObject({ id: 1, title: 'Cartel timeline' });

    const listed = await run('--db', db, 'notes', 'list', '--json');
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ id: 1, title: 'Cartel timeline' })]);

    const human = await run('notes', 'list', '--db', db);
    expect(human.stdout).toMatch(/^ID\s+UPDATED\s+TITLE\n1\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+Cartel timeline/);

    const shown = await run('notes', 'show', '1', '--db', db);
    expect(shown.stdout).toBe('# Cartel timeline\n\n\n');
  });

  it('checks the database', async () => {
    const result = await run('db', 'check', '--db', db, '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, quickCheck: ['ok'], schemaVersion: latestVersion(MIGRATIONS), noteCount: 0 });
  });

  it('fails clearly: usage errors exit 2, missing notes exit 1 with a JSON error', async () => {
    expect(await run('notes', 'show', 'abc', '--db', db)).toMatchObject({ code: 2, stderr: expect.stringContaining('ID must be a positive whole number') });
    expect(await run('notes', 'frobnicate', '--db', db)).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown command') });
    expect(await run('notes', 'list', '--bogus', '--db', db)).toMatchObject({ code: 2 });
    const missing = await run('notes', 'show', '42', '--db', db, '--json');
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout)).toEqual({ ok: false, error: { code: 'not_found', message: expect.stringContaining('Note 42') } });
  });

  it('prints help', async () => {
    const help = await run('--help');
    expect(help.code).toBe(0);
    for (const usage of ['notes list', 'notes show ID', 'notes create', 'db check', '--db PATH', '--json']) expect(help.stdout).toContain(usage);
  });

  it('runs as the installed `dossier` bin, reading DOSSIER_DB', () => {
    const result = spawnSync(process.execPath, ['electron/cli/dossier.mjs', 'notes', 'create', '--title', 'From the bin', '--json'], {
      env: { ...process.env, DOSSIER_DB: db },
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ title: 'From the bin' });
  });
});
