import type { Db } from '../connection';
import type { Note, NoteSaved, NoteSummary } from '../../shared/domain/note';
import { excerptOf } from '../../shared/notes/editorState';

interface NoteSummaryRow {
  id: number;
  title: string;
  text_head: string;
  created_at: string;
  updated_at: string;
  revision: number;
}

interface NoteRow {
  id: number;
  title: string;
  content_json: string;
  content_text: string;
  created_at: string;
  updated_at: string;
  revision: number;
}

/** Enough leading text for an excerpt without reading whole notes to list them. */
const EXCERPT_SOURCE_CHARS = 400;

function rowToSummary(row: NoteSummaryRow): NoteSummary {
  return {
    id: row.id,
    title: row.title,
    excerpt: excerptOf(row.text_head),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    revision: row.revision,
  };
}

function rowToNote(row: NoteRow): Note {
  return {
    id: row.id,
    title: row.title,
    excerpt: excerptOf(row.content_text.slice(0, EXCERPT_SOURCE_CHARS)),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    revision: row.revision,
    contentJson: row.content_json,
    contentText: row.content_text,
  };
}

const SUMMARY_COLUMNS = `id, title, substr(content_text, 1, ${EXCERPT_SOURCE_CHARS}) AS text_head, created_at, updated_at, revision`;

export function listNotes(db: Db): NoteSummary[] {
  return db
    .prepare<[], NoteSummaryRow>(`SELECT ${SUMMARY_COLUMNS} FROM notes WHERE trashed_at IS NULL ORDER BY updated_at DESC, id DESC`)
    .all()
    .map(rowToSummary);
}

export function getNoteSummary(db: Db, id: number): NoteSummary | undefined {
  const row = db.prepare<[number], NoteSummaryRow>(`SELECT ${SUMMARY_COLUMNS} FROM notes WHERE id = ? AND trashed_at IS NULL`).get(id);
  return row && rowToSummary(row);
}

/** A note in the Trash reads as gone here (and cannot be saved or renamed): the Trash lists it, restore brings it back. */
export function getNote(db: Db, id: number): Note | undefined {
  const row = db
    .prepare<[number], NoteRow>(
      `SELECT id, title, content_json, content_text, created_at, updated_at, revision FROM notes WHERE id = ? AND trashed_at IS NULL`,
    )
    .get(id);
  return row && rowToNote(row);
}

export interface NewNote {
  title: string;
  contentJson: string;
  contentText: string;
  now: string;
}

export function insertNote(db: Db, note: NewNote): number {
  const info = db
    .prepare<[string, string, string, string, string]>(
      `INSERT INTO notes (title, content_json, content_text, created_at, updated_at, revision)
       VALUES (?, ?, ?, ?, ?, 0)`,
    )
    .run(note.title, note.contentJson, note.contentText, note.now, note.now);
  return Number(info.lastInsertRowid);
}

export function updateNoteTitle(db: Db, id: number, title: string, now: string): boolean {
  const info = db
    .prepare<[string, string, number]>(
      `UPDATE notes SET title = ?, updated_at = ?, revision = revision + 1 WHERE id = ? AND trashed_at IS NULL`,
    )
    .run(title, now, id);
  return info.changes === 1;
}

export function updateNoteContent(
  db: Db,
  id: number,
  content: { contentJson: string; contentText: string },
  now: string,
): NoteSaved | undefined {
  const row = db
    .prepare<[string, string, string, number], { id: number; updated_at: string; revision: number; text_head: string }>(
      `UPDATE notes SET content_json = ?, content_text = ?, updated_at = ?, revision = revision + 1
       WHERE id = ? AND trashed_at IS NULL
       RETURNING id, updated_at, revision, substr(content_text, 1, ${EXCERPT_SOURCE_CHARS}) AS text_head`,
    )
    .get(content.contentJson, content.contentText, now, id);
  return row && { id: row.id, updatedAt: row.updated_at, revision: row.revision, excerpt: excerptOf(row.text_head) };
}

export function deleteNote(db: Db, id: number): boolean {
  return db.prepare<[number]>(`DELETE FROM notes WHERE id = ?`).run(id).changes === 1;
}

export function countNotes(db: Db): number {
  return db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM notes`).get()!.n;
}
