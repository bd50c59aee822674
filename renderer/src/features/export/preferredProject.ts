import type { Project } from '../../../../shared/domain/organize';

export interface ProjectHints {
  /** Projects of the note on screen, if one is. */
  noteProjectIds?: readonly number[];
  /** The project the library shows, if it shows one. */
  scopeProjectId?: number;
  /** Projects of the article open in the reader, if one is. */
  articleProjectIds?: readonly number[];
}

/**
 * The project "Export project…" starts on: the open note's (the library's
 * project when the note is in several), else the library view's project, else
 * the open article's, else the first. A hint naming a project that no longer
 * exists is passed over.
 */
export function preferredProjectId(projects: readonly Project[], hints: ProjectHints): number | undefined {
  const exists = (id: number | undefined): id is number => id !== undefined && projects.some((p) => p.id === id);
  const notes = (hints.noteProjectIds ?? []).filter(exists);
  if (notes.length > 0) return exists(hints.scopeProjectId) && notes.includes(hints.scopeProjectId) ? hints.scopeProjectId : notes[0];
  if (exists(hints.scopeProjectId)) return hints.scopeProjectId;
  const articles = (hints.articleProjectIds ?? []).filter(exists);
  return articles[0] ?? projects[0]?.id;
}

/** What exporting this project would hold, when that deserves a warning before it runs. */
export function emptyProjectWarning(project: Project | undefined): string | undefined {
  if (!project || project.noteCount > 0) return undefined;
  if (project.articleCount === 0) return `“${project.name}” holds no notes and no articles: there is nothing to export.`;
  return `“${project.name}” has no notes yet: the export would hold only its ${project.articleCount === 1 ? 'source' : `${project.articleCount.toLocaleString()} sources`}, with no notes and no citations.`;
}
