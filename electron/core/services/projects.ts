import * as repo from '../../../db/repositories/projects';
import type { ItemRef, Project, ProjectDetail } from '../../../shared/domain/organize';
import { DossierError } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { announced } from '../events';
import { assertItemsExist, distinctItems } from './organize';

export function listProjects(ctx: CoreContext): Project[] {
  return repo.listProjects(ctx.db);
}

export function getProject(ctx: CoreContext, id: number): ProjectDetail {
  const project = repo.getProject(ctx.db, id) ?? notFound(id);
  return { ...project, items: repo.listProjectItems(ctx.db, id) };
}

export function createProject(ctx: CoreContext, name: string): Project {
  return announced(ctx, { type: 'organize.changed', what: 'projects' }, ctx.db.transaction(() => {
    assertNameFree(ctx, name);
    return repo.getProject(ctx.db, repo.insertProject(ctx.db, name, ctx.now()))!;
  }).immediate());
}

export function renameProject(ctx: CoreContext, id: number, name: string): Project {
  return announced(ctx, { type: 'organize.changed', what: 'projects' }, ctx.db.transaction(() => {
    assertNameFree(ctx, name, id);
    if (!repo.renameProject(ctx.db, id, name, ctx.now())) notFound(id);
    return repo.getProject(ctx.db, id)!;
  }).immediate());
}

/**
 * Merges `sourceId` into `targetId` in one transaction: every article and note
 * of the source joins the target, and the source is deleted. Nothing changes
 * when either is missing.
 */
export function mergeProjects(ctx: CoreContext, sourceId: number, targetId: number): { project: Project; moved: number } {
  if (sourceId === targetId) throw new DossierError('invalid_input', 'A project cannot be merged into itself: choose another project.');
  return announced(ctx, { type: 'organize.changed', what: 'projects' }, ctx.db.transaction(() => {
    if (!repo.getProject(ctx.db, sourceId)) notFound(sourceId);
    if (!repo.getProject(ctx.db, targetId)) notFound(targetId);
    const moved = repo.mergeProjectInto(ctx.db, sourceId, targetId);
    repo.touchProject(ctx.db, targetId, ctx.now());
    return { project: repo.getProject(ctx.db, targetId)!, moved };
  }).immediate());
}

/** Deletes the project only: its articles and notes stay in the library. */
export function deleteProject(ctx: CoreContext, id: number): { id: number } {
  if (!repo.deleteProject(ctx.db, id)) notFound(id);
  return announced(ctx, { type: 'organize.changed', what: 'projects' }, { id });
}

export function addItems(ctx: CoreContext, projectId: number, items: readonly ItemRef[]): { projectId: number; added: number } {
  return announced(ctx, { type: 'organize.changed', what: 'projects' }, ctx.db.transaction(() => {
    if (!repo.getProject(ctx.db, projectId)) notFound(projectId);
    const unique = distinctItems(items);
    assertItemsExist(ctx.db, unique);
    const now = ctx.now();
    const added = repo.addProjectItems(ctx.db, projectId, unique, now);
    if (added > 0) repo.touchProject(ctx.db, projectId, now);
    return { projectId, added };
  }).immediate());
}

export function removeItems(ctx: CoreContext, projectId: number, items: readonly ItemRef[]): { projectId: number; removed: number } {
  return announced(ctx, { type: 'organize.changed', what: 'projects' }, ctx.db.transaction(() => {
    if (!repo.getProject(ctx.db, projectId)) notFound(projectId);
    const removed = repo.removeProjectItems(ctx.db, projectId, distinctItems(items));
    if (removed > 0) repo.touchProject(ctx.db, projectId, ctx.now());
    return { projectId, removed };
  }).immediate());
}

export function projectsOf(ctx: CoreContext, item: ItemRef): Project[] {
  return repo.projectsOfItem(ctx.db, item);
}

/** For the CLI and filters: a project by id or (case-insensitive) name. */
export function findProject(ctx: CoreContext, nameOrId: string): Project {
  const project = /^\d+$/.test(nameOrId) ? repo.getProject(ctx.db, Number(nameOrId)) : undefined;
  const found = project ?? repo.findProjectByName(ctx.db, nameOrId.trim());
  if (!found) throw new DossierError('not_found', `There is no project "${nameOrId}".`);
  return found;
}

function assertNameFree(ctx: CoreContext, name: string, exceptId?: number): void {
  const existing = repo.findProjectByName(ctx.db, name);
  if (existing && existing.id !== exceptId) {
    throw new DossierError('invalid_input', `A project named "${existing.name}" already exists.`);
  }
}

function notFound(id: number): never {
  throw new DossierError('not_found', `Project ${id} does not exist (it may have been deleted).`);
}
