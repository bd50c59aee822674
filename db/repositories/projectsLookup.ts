import type { Db } from '../connection';
import { columnsOf, tableExists } from './exportData';

/**
 * Projects come with the search/projects issue, not this branch. Export finds
 * a project by name, and its members through whichever table links
 * `project_id` to `note_id` / `article_id`, so it works once that lands
 * without depending on its exact table names.
 */
export function projectsAvailable(db: Db): boolean {
  return tableExists(db, 'projects');
}

export interface ProjectMembers {
  id: number;
  name: string;
  noteIds: number[];
  articleIds: number[];
}

export function findProjectByName(db: Db, name: string): ProjectMembers | undefined {
  const cols = columnsOf(db, 'projects');
  const nameColumn = cols.has('name') ? 'name' : cols.has('title') ? 'title' : undefined;
  if (!nameColumn) return undefined;
  const project =
    db.prepare<[string], { id: number; name: string }>(`SELECT id, ${nameColumn} AS name FROM projects WHERE ${nameColumn} = ?`).get(name) ??
    db
      .prepare<[string], { id: number; name: string }>(`SELECT id, ${nameColumn} AS name FROM projects WHERE lower(${nameColumn}) = lower(?) LIMIT 2`)
      .get(name);
  if (!project) return undefined;
  return { ...project, noteIds: members(db, project.id, 'note_id'), articleIds: members(db, project.id, 'article_id') };
}

function members(db: Db, projectId: number, column: 'note_id' | 'article_id'): number[] {
  const tables = db
    .prepare<[], { name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'project%' AND name <> 'projects'`)
    .all()
    .map((t) => t.name)
    .filter((t) => {
      const cols = columnsOf(db, t);
      return cols.has('project_id') && cols.has(column);
    });
  const ids = new Set<number>();
  for (const table of tables) {
    for (const row of db.prepare<[number], { id: number }>(`SELECT ${column} AS id FROM "${table}" WHERE project_id = ? AND ${column} IS NOT NULL`).all(projectId)) {
      ids.add(row.id);
    }
  }
  return [...ids].sort((a, b) => a - b);
}
