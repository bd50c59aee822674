/**
 * The process the archive kill test SIGKILLs: opens the real store with
 * openCore, starts `export.archive` through the handler table, and while the
 * export runs saves notes through `notes.save` (the same dispatch the app's
 * IPC uses), printing `ack N` only after each save was acknowledged.
 * Prints `exported` if the export ever finishes (the test kills before that).
 */
import { writeSync } from 'node:fs';
import { dispatch } from '../../electron/core/dispatch';
import { openCore } from '../../electron/core/openCore';
import { archiveSaveContent } from './archiveKillWorkload';

const [dbPath, archiveFile, roundArg] = process.argv.slice(2);
const round = Number(roundArg);
const core = openCore(dbPath!);
const ids = (core.ctx.db.prepare('SELECT id FROM notes ORDER BY id').all() as Array<{ id: number }>).map((r) => r.id);

let exported = false;
void dispatch(core.handlers, 'export.archive', { file: archiveFile!, overwrite: true }).then((result) => {
  exported = true;
  writeSync(1, `exported ${JSON.stringify(result.ok ? 'ok' : result.error)}\n`);
});

async function saveWhileExporting(): Promise<void> {
  for (let index = 0; !exported; index += 1) {
    const result = await dispatch(core.handlers, 'notes.save', { id: ids[index % ids.length]!, contentJson: archiveSaveContent(round, index) });
    if (!result.ok) throw new Error(`save ${index} failed: ${result.error.code} ${result.error.message}`);
    writeSync(1, `ack ${index}\n`);
    // Lets the export make progress between saves, as an editor's autosave would.
    await new Promise<void>((resolve) => setTimeout(resolve, 2));
  }
}

saveWhileExporting().then(
  () => {
    core.close();
    writeSync(1, 'done\n');
  },
  (error: unknown) => {
    writeSync(2, `${String(error)}\n`);
    process.exit(1);
  },
);
