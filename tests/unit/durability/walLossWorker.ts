/**
 * Child process for walLoss.test.ts: opens the library at argv[2] like the
 * app does (openCore, so with the idle checkpoint), writes argv[4] notes, takes
 * a rotating backup when argv[3] is 'backup', prints "ready", then stays
 * alive until the test kills it (the WAL is deleted meanwhile).
 */
import { openCore } from '../../../electron/core/openCore';
import { createBackup } from '../../../electron/core/services/backups';
import { createNote, saveNoteContent } from '../../../electron/core/services/notes';

async function main(): Promise<void> {
  const [dbPath, mode, count] = process.argv.slice(2);
  const core = openCore(dbPath!);
  for (let i = 0; i < Number(count); i += 1) {
    const note = createNote(core.ctx, `Source ${i}`);
    const text = `Met source ${i} at the quay.`;
    saveNoteContent(core.ctx, note.id, JSON.stringify({ root: { type: 'root', version: 1, children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }] }] } }));
  }
  if (mode === 'backup') await createBackup(core.ctx.db, dbPath!, { reason: 'manual', now: new Date().toISOString() });
  process.stdout.write('ready\n');
  // Stay alive (the idle checkpoint's own timer is unref'd and would not keep us running).
  setInterval(() => undefined, 60_000);
}

void main();
