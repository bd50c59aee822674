import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openCore } from '../../../electron/core/openCore';
import { IDLE_CHECKPOINT_PERIOD_MS } from '../../../electron/core/idleCheckpoint';
import { bundleForNode, nodeEnv } from '../../helpers/bundleForNode';
import { callOk, editorJson } from '../../helpers/core';
import { makeTempDir } from '../../helpers/tempDir';
import { dispatch } from '../../../electron/core/dispatch';

const NOTES = 12;

/**
 * Section 4: the WAL deleted while the app runs (a cleaner, a sync tool, a
 * user tidying the folder). A child process holds the library open, writes,
 * then the test deletes `-wal` (and `-shm`) and kills the child with SIGKILL,
 * as a crash or a forced quit would, and reopens the file.
 */
function startWriter(bundle: string, dbPath: string, mode: 'plain' | 'backup'): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, dbPath, mode, String(NOTES)], { env: nodeEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve(child);
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`writer exited (${code}) before it was ready: ${stderr}`)));
  });
}

function loseWalAndKill(child: ChildProcess, dbPath: string): Promise<void> {
  rmSync(`${dbPath}-wal`, { force: true });
  rmSync(`${dbPath}-shm`, { force: true });
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe('a WAL deleted while the app runs', () => {
  const work = makeTempDir('dossier-wal-loss-');
  let bundle: string;
  let dir: ReturnType<typeof makeTempDir>;
  let dbPath: string;
  beforeAll(async () => {
    bundle = await bundleForNode(new URL('./walLossWorker.ts', import.meta.url).pathname, work.path);
  });
  afterAll(() => work.cleanup());
  beforeEach(() => {
    dir = makeTempDir();
    dbPath = dir.file('dossier.sqlite');
    return () => dir.cleanup();
  });

  it('loses nothing written more than a few seconds before: the idle checkpoint has copied it into the main file', async () => {
    const child = await startWriter(bundle, dbPath, 'plain');
    // Quiet for two periods: the checkpoint runs one to two periods after the last write.
    await new Promise((r) => setTimeout(r, 2 * IDLE_CHECKPOINT_PERIOD_MS + 1000));
    await loseWalAndKill(child, dbPath);
    expect(existsSync(`${dbPath}-wal`)).toBe(false);

    const core = openCore(dbPath);
    try {
      expect(core.library.status().state).toBe('ok');
      const notes = await callOk<Array<{ title: string }>>(core, 'notes.list', {});
      expect(notes).toHaveLength(NOTES);
      expect(core.ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      core.close();
    }
  }, 30_000);

  it('opening empty while a backup holds notes shows the recovery state, not a fresh library, and the backup restores them', async () => {
    // Killed right after its writes and its backup: nothing has reached the main file yet.
    const child = await startWriter(bundle, dbPath, 'backup');
    await loseWalAndKill(child, dbPath);

    const core = openCore(dbPath);
    try {
      const status = core.library.status();
      expect(status).toMatchObject({ state: 'damaged', damaged: { reason: 'empty_with_backups' }, newestGoodBackup: { noteCount: NOTES } });
      expect(status.damaged!.problem).toMatch(/opened empty.*holds 12 notes.*-wal/s);
      // Nothing is written to it meanwhile, and the emptied file is kept, renamed.
      expect(await dispatch(core.handlers, 'notes.list', {})).toMatchObject({ ok: false, error: { code: 'db_corrupt' } });
      expect(existsSync(status.damaged!.movedTo!)).toBe(true);

      await callOk(core, 'db.restore', { file: status.newestGoodBackup!.file });
      expect(await callOk<unknown[]>(core, 'notes.list', {})).toHaveLength(NOTES);
    } finally {
      core.close();
    }
  }, 30_000);

  it('starting empty after that is remembered: the next launch opens the empty library', async () => {
    const child = await startWriter(bundle, dbPath, 'backup');
    await loseWalAndKill(child, dbPath);
    let core = openCore(dbPath);
    expect(core.library.status().state).toBe('damaged');
    expect(await callOk(core, 'db.startEmpty', {})).toMatchObject({ state: 'ok' });
    core.close();

    core = openCore(dbPath);
    try {
      expect(core.library.status().state).toBe('ok');
      expect(await callOk<unknown[]>(core, 'notes.list', {})).toEqual([]);
    } finally {
      core.close();
    }
  }, 30_000);

  it('a library emptied on purpose opens normally, before and after its backups are pruned', async () => {
    let core = openCore(dbPath);
    const { id } = await callOk<{ id: number }>(core, 'notes.create', { title: 'Only note' });
    await callOk(core, 'notes.save', { id, contentJson: editorJson('to be deleted') });
    await callOk(core, 'db.backup', {});
    await callOk(core, 'notes.delete', { id });
    await callOk(core, 'trash.empty', {});
    core.close();

    core = openCore(dbPath);
    expect(core.library.status().state).toBe('ok');
    await callOk(core, 'db.backup', {}); // prunes the deleted note from the older backup
    core.close();
    core = openCore(dbPath);
    try {
      expect(core.library.status().state).toBe('ok');
    } finally {
      core.close();
    }
  });
});
