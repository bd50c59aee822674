import type { Db } from '../connection';
import { sha256Hex } from '../sha256';

/** Records which revision a note's stored JSON is; written in the save's own transaction. */
export function upsertNoteChecksum(db: Db, noteId: number, revision: number, contentJson: string): void {
  db.prepare<[number, number, string]>(
    `INSERT INTO note_checksums (note_id, revision, json_sha256) VALUES (?, ?, ?)
     ON CONFLICT (note_id) DO UPDATE SET revision = excluded.revision, json_sha256 = excluded.json_sha256`,
  ).run(noteId, revision, sha256Hex(contentJson));
}

export interface TornNote {
  noteId: number;
  problem: string;
}

/**
 * Notes whose stored JSON disagrees with the hash their last save recorded: a
 * save that was only partly applied. Notes never saved since creation have no
 * row and are fine.
 */
export function findTornNotes(db: Db): TornNote[] {
  const rows = db
    .prepare<[], { id: number; content_json: string; json_sha256: string }>(
      `SELECT n.id, n.content_json, c.json_sha256 FROM notes n JOIN note_checksums c ON c.note_id = n.id`,
    )
    .all();
  return rows
    .filter((row) => row.json_sha256 !== sha256Hex(row.content_json))
    .map((row) => ({ noteId: row.id, problem: 'content does not match the checksum of its last save' }));
}
