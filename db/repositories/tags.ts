import type { Db } from '../connection';
import type { ItemRef, Tag } from '../../shared/domain/organize';

interface TagRow {
  id: number;
  name: string;
  article_count: number;
  note_count: number;
}

const TAG_SELECT = `
  SELECT t.id, t.name,
         (SELECT count(*) FROM article_tags WHERE tag_id = t.id) AS article_count,
         (SELECT count(*) FROM note_tags WHERE tag_id = t.id) AS note_count
    FROM tags t`;

function rowToTag(row: TagRow): Tag {
  return { id: row.id, name: row.name, articleCount: row.article_count, noteCount: row.note_count };
}

export function listTags(db: Db): Tag[] {
  return (db.prepare(`${TAG_SELECT} ORDER BY t.name COLLATE NOCASE, t.id`).all() as TagRow[]).map(rowToTag);
}

export function findTagByName(db: Db, name: string): Tag | undefined {
  const row = db.prepare(`${TAG_SELECT} WHERE t.name = ?`).get(name) as TagRow | undefined;
  return row && rowToTag(row);
}

/** The tag's id, creating it on first use (names are unique ignoring case). */
export function ensureTag(db: Db, name: string, now: string): number {
  const existing = db.prepare(`SELECT id FROM tags WHERE name = ?`).pluck().get(name) as number | undefined;
  if (existing !== undefined) return existing;
  return Number(db.prepare(`INSERT INTO tags (name, created_at) VALUES (?, ?)`).run(name, now).lastInsertRowid);
}

export function tagItems(db: Db, tagId: number, items: readonly ItemRef[]): number {
  const article = db.prepare(`INSERT OR IGNORE INTO article_tags (article_id, tag_id) VALUES (?, ?)`);
  const note = db.prepare(`INSERT OR IGNORE INTO note_tags (note_id, tag_id) VALUES (?, ?)`);
  let added = 0;
  for (const item of items) added += (item.type === 'article' ? article : note).run(item.id, tagId).changes;
  return added;
}

export function untagItems(db: Db, tagId: number, items: readonly ItemRef[]): number {
  const article = db.prepare(`DELETE FROM article_tags WHERE article_id = ? AND tag_id = ?`);
  const note = db.prepare(`DELETE FROM note_tags WHERE note_id = ? AND tag_id = ?`);
  let removed = 0;
  for (const item of items) removed += (item.type === 'article' ? article : note).run(item.id, tagId).changes;
  return removed;
}

export function deleteTag(db: Db, id: number): boolean {
  return db.prepare(`DELETE FROM tags WHERE id = ?`).run(id).changes === 1;
}

/** Tags no item uses any more: removed so the tag list stays meaningful. */
export function deleteUnusedTag(db: Db, id: number): void {
  db.prepare(
    `DELETE FROM tags WHERE id = ? AND NOT EXISTS (SELECT 1 FROM article_tags WHERE tag_id = ?) AND NOT EXISTS (SELECT 1 FROM note_tags WHERE tag_id = ?)`,
  ).run(id, id, id);
}

export function tagsOfItem(db: Db, item: ItemRef): string[] {
  const sql =
    item.type === 'article'
      ? `SELECT t.name FROM article_tags l JOIN tags t ON t.id = l.tag_id WHERE l.article_id = ? ORDER BY t.name COLLATE NOCASE`
      : `SELECT t.name FROM note_tags l JOIN tags t ON t.id = l.tag_id WHERE l.note_id = ? ORDER BY t.name COLLATE NOCASE`;
  return db.prepare(sql).pluck().all(item.id) as string[];
}
