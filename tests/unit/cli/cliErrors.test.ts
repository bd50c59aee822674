import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore } from '../../../electron/core/openCore';
import { REPO_ROOT } from '../../helpers/bundleForNode';
import { makeTempDir } from '../../helpers/tempDir';
import { runCli as run } from '../../helpers/runCli';

/** One line on stderr, starting "dossier:", and nothing that looks like a stack frame. */
function expectOneLineError(stderr: string): void {
  expect(stderr).toMatch(/^dossier: [^\n]+\n$/);
  expect(stderr).not.toMatch(/^\s+at /m);
}

/**
 * Permission failures need a user the file system says no to. Root ignores file
 * modes, so as root the CLI runs as `nobody` through setpriv (util-linux); a
 * test that cannot do either says so instead of passing quietly.
 */
const isRoot = process.getuid?.() === 0;
const hasSetpriv = spawnSync('setpriv', ['--version']).status === 0;
const canDropPrivileges = !isRoot || hasSetpriv;
const NOBODY = 65534;

function runBin(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const command = isRoot ? ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath] : [process.execPath];
  const result = spawnSync(command[0]!, [...command.slice(1), 'electron/cli/dossier.mjs', ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, DOSSIER_DEBUG: '', HOME: '/tmp' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the CLI fails in one line with an exit code, never a stack trace', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    dir = makeTempDir();
    chmodSync(dir.path, 0o755);
  });
  afterEach(() => {
    chmodSync(dir.path, 0o755);
    dir.cleanup();
  });

  it('a directory given as --db', async () => {
    mkdirSync(dir.file('folder'));
    for (const argv of [['notes', 'list'], ['db', 'backups'], ['db', 'check']]) {
      const result = await run(...argv, '--db', dir.file('folder'));
      expect(result.code).toBe(1);
      expectOneLineError(result.stderr);
      expect(result.stderr).toContain('Cannot open the database');
    }
  });

  it('a backup to a folder that does not exist', async () => {
    const db = dir.file('lib.sqlite');
    expect((await run('notes', 'create', '--db', db)).code).toBe(0);
    const result = await run('db', 'backup', '--out', dir.file('missing/parent/x.sqlite'), '--db', db);
    expect(result.code).toBe(1);
    expectOneLineError(result.stderr);
    expect(result.stderr).toContain('does not exist');
  });

  it.skipIf(!canDropPrivileges)('a read-only library file and a read-only backups folder (run as a user the modes apply to)', () => {
    const db = dir.file('lib.sqlite');
    const core = openCore(db);
    core.close();

    // The whole library read-only: every command answers in one line.
    chmodSync(db, 0o444);
    for (const argv of [['db', 'backups']]) {
      const result = runBin([...argv, '--db', db]);
      expect(result.status, `${argv.join(' ')}: ${result.stderr}`).toBe(1);
      expectOneLineError(result.stderr);
    }

    // The library writable, its backups folder not: SQLite cannot create the backup (an unexpected error).
    chmodSync(db, 0o666);
    mkdirSync(dir.file('backups'));
    if (isRoot) chownSync(dir.path, NOBODY, NOBODY);
    chmodSync(dir.file('backups'), 0o555);
    const backup = runBin(['db', 'backup', '--db', db]);
    expect(backup.status, backup.stderr).toBe(1);
    expectOneLineError(backup.stderr);
    expect(backup.stderr).toMatch(/unexpected error in db\.backup.*\(unable to open database file\)/);
    if (isRoot) chownSync(dir.path, 0, 0);
  }, 60_000);

  it('db check says why it failed', async () => {
    const db = dir.file('lib.sqlite');
    expect((await run('notes', 'create', '--title', 'Torn', '--db', db)).code).toBe(0);
    const core = openCore(db);
    // A save recorded a checksum its content does not match: a torn write.
    core.ctx.db.prepare(`INSERT INTO note_checksums (note_id, revision, json_sha256) VALUES (1, 1, 'not the hash')`).run();
    core.close();
    const result = await run('db', 'check', '--db', db);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/result:\s+FAILED\n\s+- notes whose content does not match .*: 1/);
  });

  it.runIf(!canDropPrivileges)('permission tests need a non-root user or setpriv', () => {
    console.warn('skipped: running as root without setpriv, so file modes cannot be tested');
  });
});
