/**
 * The writer the kill test SIGKILLs: opens the real store with openCore and
 * performs SAVES_PER_ROUND note saves through the real service call
 * (saveNoteContent: the note, its quote rows, its full-text row and its checksum
 * row in one transaction), printing `ack N` only after each commit returned.
 */
import { writeSync } from 'node:fs';
import { openCore } from '../../electron/core/openCore';
import { saveNoteContent } from '../../electron/core/services/notes';
import { contentFor, noteIndexFor, SAVES_PER_ROUND } from './killWorkload';

const [dbPath, roundArg, passageArg] = process.argv.slice(2);
const round = Number(roundArg);
const passageId = Number(passageArg);
const core = openCore(dbPath!);
const ids = (core.ctx.db.prepare('SELECT id FROM notes ORDER BY id').all() as Array<{ id: number }>).map((r) => r.id);
writeSync(1, 'ready\n');
for (let index = 0; index < SAVES_PER_ROUND; index += 1) {
  saveNoteContent(core.ctx, ids[noteIndexFor(index)]!, contentFor(round, index, passageId));
  writeSync(1, `ack ${index}\n`);
}
core.close();
writeSync(1, 'done\n');
