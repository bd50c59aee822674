import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/connection';
import { openDatabase } from '../../../db/connection';
import * as notes from '../../../db/repositories/notes';
import { makeTempDir } from '../../helpers/tempDir';

describe('notes repository', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let db: Db;
  beforeEach(() => {
    dir = makeTempDir();
    db = openDatabase(dir.file('notes.sqlite'));
  });
  afterEach(() => {
    db.close();
    dir.cleanup();
  });

  it('round-trips a note exactly, including hostile text', () => {
    const title = `Robert'); DROP TABLE notes;-- « 名前 » \u202e`;
    const id = notes.insertNote(db, { title, contentJson: '{"root":{}}', contentText: 'body', now: '2026-01-01T00:00:00.000Z' });
    expect(notes.getNote(db, id)).toEqual({
      id,
      title,
      excerpt: 'body',
      contentJson: '{"root":{}}',
      contentText: 'body',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      revision: 0,
    });
    expect(notes.countNotes(db)).toBe(1);
  });

  it('lists by last edit, newest first, and bumps revision on each write', () => {
    const a = notes.insertNote(db, { title: 'a', contentJson: '{}', contentText: '', now: '2026-01-01T00:00:00.000Z' });
    const b = notes.insertNote(db, { title: 'b', contentJson: '{}', contentText: '', now: '2026-01-02T00:00:00.000Z' });
    expect(notes.listNotes(db).map((n) => n.id)).toEqual([b, a]);
    const saved = notes.updateNoteContent(db, a, { contentJson: '{"x":1}', contentText: 'new text' }, '2026-01-03T00:00:00.000Z');
    expect(saved).toEqual({ id: a, updatedAt: '2026-01-03T00:00:00.000Z', revision: 1, excerpt: 'new text' });
    expect(notes.listNotes(db).map((n) => n.id)).toEqual([a, b]);
    expect(notes.updateNoteTitle(db, b, 'B', '2026-01-04T00:00:00.000Z')).toBe(true);
    expect(notes.getNoteSummary(db, b)).toMatchObject({ title: 'B', revision: 1 });
  });

  it('reports missing rows instead of inventing them', () => {
    expect(notes.getNote(db, 999)).toBeUndefined();
    expect(notes.updateNoteTitle(db, 999, 'x', '2026-01-01T00:00:00.000Z')).toBe(false);
    expect(notes.updateNoteContent(db, 999, { contentJson: '{}', contentText: '' }, '2026-01-01T00:00:00.000Z')).toBeUndefined();
    expect(notes.deleteNote(db, 999)).toBe(false);
  });

  it('deletes', () => {
    const id = notes.insertNote(db, { title: 'gone', contentJson: '{}', contentText: '', now: '2026-01-01T00:00:00.000Z' });
    expect(notes.deleteNote(db, id)).toBe(true);
    expect(notes.getNote(db, id)).toBeUndefined();
  });
});
