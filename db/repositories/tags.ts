import type { Db } from '../connection';
import type { Tag, TagItemRef } from '../../shared/domain/organize';

interface TagRow {
  id: number;
  name: string;
  article_count: number;
  note_count: number;
  passage_count: number;
}

const TAG_SELECT = `
  SELECT t.id, t.name,
         (SELECT count(*) FROM article_tags l JOIN articles a ON a.id = l.article_id WHERE l.tag_id = t.id AND a.trashed_at IS NULL) AS article_count,
         (SELECT count(*) FROM note_tags l JOIN notes n ON n.id = l.note_id WHERE l.tag_id = t.id AND n.trashed_at IS NULL) AS note_count,
         (SELECT count(*) FROM passage_tags l JOIN passages p ON p.id = l.passage_id
           WHERE l.tag_id = t.id AND coalesce(p.article_id NOT IN (SELECT id FROM articles WHERE trashed_at IS NOT NULL), 1)) AS passage_count
    FROM tags t`;

/** The link table and its item column, per kind of item. */
const LINKS: Record<TagItemRef['type'], { table: string; column: string }> = {
  article: { table: 'article_tags', column: 'article_id' },
  note: { table: 'note_tags', column: 'note_id' },
  passage: { table: 'passage_tags', column: 'passage_id' },
};

function rowToTag(row: TagRow): Tag {
  return { id: row.id, name: row.name, articleCount: row.article_count, noteCount: row.note_count, passageCount: row.passage_count };
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

export function tagItems(db: Db, tagId: number, items: readonly TagItemRef[]): number {
  let added = 0;
  for (const item of items) {
    const { table, column } = LINKS[item.type];
    added += db.prepare(`INSERT OR IGNORE INTO ${table} (${column}, tag_id) VALUES (?, ?)`).run(item.id, tagId).changes;
  }
  return added;
}

export function untagItems(db: Db, tagId: number, items: readonly TagItemRef[]): number {
  let removed = 0;
  for (const item of items) {
    const { table, column } = LINKS[item.type];
    removed += db.prepare(`DELETE FROM ${table} WHERE ${column} = ? AND tag_id = ?`).run(item.id, tagId).changes;
  }
  return removed;
}

export function getTag(db: Db, id: number): Tag | undefined {
  const row = db.prepare(`${TAG_SELECT} WHERE t.id = ?`).get(id) as TagRow | undefined;
  return row && rowToTag(row);
}

export function renameTag(db: Db, id: number, name: string): boolean {
  return db.prepare(`UPDATE tags SET name = ? WHERE id = ?`).run(name, id).changes === 1;
}

/**
 * Puts the source tag on everything it tags (articles, notes, passages) as the
 * target tag, then deletes the source. Call inside a transaction. Returns how
 * many items did not carry the target before.
 */
export function mergeTagInto(db: Db, sourceId: number, targetId: number): number {
  let moved = 0;
  for (const { table, column } of Object.values(LINKS)) {
    moved += db.prepare(`INSERT OR IGNORE INTO ${table} (${column}, tag_id) SELECT ${column}, ? FROM ${table} WHERE tag_id = ?`).run(targetId, sourceId).changes;
  }
  deleteTag(db, sourceId);
  return moved;
}

export function deleteTag(db: Db, id: number): boolean {
  return db.prepare(`DELETE FROM tags WHERE id = ?`).run(id).changes === 1;
}

/** Tags no item uses any more: removed so the tag list stays meaningful. */
export function deleteUnusedTag(db: Db, id: number): void {
  const unused = Object.values(LINKS)
    .map(({ table }) => `NOT EXISTS (SELECT 1 FROM ${table} WHERE tag_id = :id)`)
    .join(' AND ');
  db.prepare(`DELETE FROM tags WHERE id = :id AND ${unused}`).run({ id });
}

export function tagsOfItem(db: Db, item: TagItemRef): string[] {
  const { table, column } = LINKS[item.type];
  return db.prepare(`SELECT t.name FROM ${table} l JOIN tags t ON t.id = l.tag_id WHERE l.${column} = ? ORDER BY t.name COLLATE NOCASE`).pluck().all(item.id) as string[];
}

/** Passages among the items that do not exist. */
export function missingPassages(db: Db, items: readonly TagItemRef[]): TagItemRef[] {
  const exists = db.prepare(`SELECT 1 FROM passages WHERE id = ?`).pluck();
  return items.filter((item) => item.type === 'passage' && exists.get(item.id) === undefined);
}
