import type { Db } from '../connection';
import type { ItemRef, Project, ProjectItem } from '../../shared/domain/organize';

interface ProjectRow {
  id: number;
  name: string;
  article_count: number;
  note_count: number;
  created_at: string;
  updated_at: string;
}

const PROJECT_SELECT = `
  SELECT p.id, p.name, p.created_at, p.updated_at,
         (SELECT count(*) FROM project_articles l JOIN articles a ON a.id = l.article_id WHERE l.project_id = p.id AND a.trashed_at IS NULL) AS article_count,
         (SELECT count(*) FROM project_notes l JOIN notes n ON n.id = l.note_id WHERE l.project_id = p.id AND n.trashed_at IS NULL) AS note_count
    FROM projects p`;

function rowToProject(row: ProjectRow): Project {
  return {
    id: row.id,
    name: row.name,
    articleCount: row.article_count,
    noteCount: row.note_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function listProjects(db: Db): Project[] {
  return (db.prepare(`${PROJECT_SELECT} ORDER BY p.name COLLATE NOCASE, p.id`).all() as ProjectRow[]).map(rowToProject);
}

/** An item that does not exist (any more) is in no project. */
export function projectsOfItem(db: Db, item: ItemRef): Project[] {
  const links = item.type === 'article' ? `SELECT project_id FROM project_articles WHERE article_id = ?` : `SELECT project_id FROM project_notes WHERE note_id = ?`;
  return (db.prepare(`${PROJECT_SELECT} WHERE p.id IN (${links}) ORDER BY p.name COLLATE NOCASE, p.id`).all(item.id) as ProjectRow[]).map(rowToProject);
}

export function getProject(db: Db, id: number): Project | undefined {
  const row = db.prepare(`${PROJECT_SELECT} WHERE p.id = ?`).get(id) as ProjectRow | undefined;
  return row && rowToProject(row);
}

export function findProjectByName(db: Db, name: string): Project | undefined {
  const row = db.prepare(`${PROJECT_SELECT} WHERE p.name = ?`).get(name) as ProjectRow | undefined;
  return row && rowToProject(row);
}

export function insertProject(db: Db, name: string, now: string): number {
  return Number(db.prepare(`INSERT INTO projects (name, created_at, updated_at) VALUES (?, ?, ?)`).run(name, now, now).lastInsertRowid);
}

export function renameProject(db: Db, id: number, name: string, now: string): boolean {
  return db.prepare(`UPDATE projects SET name = ?, updated_at = ? WHERE id = ?`).run(name, now, id).changes === 1;
}

export function touchProject(db: Db, id: number, now: string): void {
  db.prepare(`UPDATE projects SET updated_at = ? WHERE id = ?`).run(now, id);
}

/**
 * Moves every article and note of `sourceId` into `targetId` (each keeps the
 * date it was first filed), then deletes the source. Call inside a transaction.
 * Returns how many items the target did not hold before.
 */
export function mergeProjectInto(db: Db, sourceId: number, targetId: number): number {
  let moved = 0;
  for (const [table, column] of [['project_articles', 'article_id'], ['project_notes', 'note_id']] as const) {
    moved += db
      .prepare(`INSERT OR IGNORE INTO ${table} (project_id, ${column}, added_at) SELECT ?, ${column}, added_at FROM ${table} WHERE project_id = ?`)
      .run(targetId, sourceId).changes;
  }
  deleteProject(db, sourceId);
  return moved;
}

export function deleteProject(db: Db, id: number): boolean {
  return db.prepare(`DELETE FROM projects WHERE id = ?`).run(id).changes === 1;
}

/** Adds items (already checked to exist); returns how many were not in the project before. */
export function addProjectItems(db: Db, projectId: number, items: readonly ItemRef[], now: string): number {
  const addArticle = db.prepare(`INSERT OR IGNORE INTO project_articles (project_id, article_id, added_at) VALUES (?, ?, ?)`);
  const addNote = db.prepare(`INSERT OR IGNORE INTO project_notes (project_id, note_id, added_at) VALUES (?, ?, ?)`);
  let added = 0;
  for (const item of items) added += (item.type === 'article' ? addArticle : addNote).run(projectId, item.id, now).changes;
  return added;
}

export function removeProjectItems(db: Db, projectId: number, items: readonly ItemRef[]): number {
  const removeArticle = db.prepare(`DELETE FROM project_articles WHERE project_id = ? AND article_id = ?`);
  const removeNote = db.prepare(`DELETE FROM project_notes WHERE project_id = ? AND note_id = ?`);
  let removed = 0;
  for (const item of items) removed += (item.type === 'article' ? removeArticle : removeNote).run(projectId, item.id).changes;
  return removed;
}

export function listProjectItems(db: Db, projectId: number): ProjectItem[] {
  return (
    db
      .prepare(
        `SELECT 'article' AS type, a.id, a.title, l.added_at FROM project_articles l JOIN articles a ON a.id = l.article_id WHERE l.project_id = ? AND a.trashed_at IS NULL
         UNION ALL
         SELECT 'note' AS type, n.id, n.title, l.added_at FROM project_notes l JOIN notes n ON n.id = l.note_id WHERE l.project_id = ? AND n.trashed_at IS NULL
         ORDER BY 4 DESC, 1, 2`,
      )
      .all(projectId, projectId) as Array<{ type: 'article' | 'note'; id: number; title: string; added_at: string }>
  ).map((row) => ({ type: row.type, id: row.id, title: row.title, addedAt: row.added_at }));
}

/** Which of these items do not exist (an item in the trash counts as gone). */
export function missingItems(db: Db, items: readonly ItemRef[]): ItemRef[] {
  const article = db.prepare(`SELECT 1 FROM articles WHERE id = ? AND trashed_at IS NULL`).pluck();
  const note = db.prepare(`SELECT 1 FROM notes WHERE id = ? AND trashed_at IS NULL`).pluck();
  return items.filter((item) => (item.type === 'article' ? article : note).get(item.id) === undefined);
}
