import * as repo from '../../../db/repositories/libraryList';
import { getProject } from '../../../db/repositories/projects';
import type { ArticleSummary } from '../../../shared/domain/article';
import type { DeleteImpact, ViewCounts, LibraryIds, LibraryScope, LibrarySort, ProjectQuote, ScopeNote, SortDirection } from '../../../shared/domain/libraryList';
import { DossierError } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { moveToTrash } from './trash';
import { emitChange } from '../events';

export interface ListRequest {
  scope: LibraryScope;
  sort?: LibrarySort | undefined;
  direction?: SortDirection | undefined;
  filter?: string | undefined;
}

export function listIds(ctx: CoreContext, request: ListRequest): LibraryIds {
  if (request.scope.kind === 'project') assertProject(ctx, request.scope.projectId);
  const ids = repo.listArticleIds(ctx.db, {
    scope: request.scope,
    sort: request.sort ?? 'clipped',
    direction: request.direction ?? (request.sort === 'title' || request.sort === 'outlet' ? 'asc' : 'desc'),
    filter: request.filter ?? '',
  });
  return { ids, total: ids.length };
}

export function rows(ctx: CoreContext, ids: readonly number[]): ArticleSummary[] {
  return repo.articleRows(ctx.db, ids);
}

export function deleteImpact(ctx: CoreContext, ids: readonly number[]): DeleteImpact {
  return repo.deleteImpact(ctx.db, [...new Set(ids)]);
}

/** Moves the articles to the Trash, all or nothing: if any article is already gone, nothing moves and the caller is told. */
export function deleteArticles(ctx: CoreContext, ids: readonly number[]): { deleted: number } {
  const deleted = moveToTrash(ctx, 'article', ids);
  emitChange(ctx, { type: 'articles.deleted', articleIds: [...new Set(ids)] });
  return { deleted };
}

export function moveToProject(ctx: CoreContext, ids: readonly number[], fromProjectId: number, toProjectId: number): { moved: number } {
  const unique = [...new Set(ids)];
  const result = ctx.db.transaction(() => {
    assertProject(ctx, fromProjectId);
    assertProject(ctx, toProjectId);
    assertArticlesExist(ctx, unique);
    return { moved: repo.moveArticles(ctx.db, unique, fromProjectId, toProjectId, ctx.now()) };
  }).immediate();
  emitChange(ctx, { type: 'organize.changed', what: 'projects' });
  return result;
}

export function scopeNotes(ctx: CoreContext, scope: { kind: 'project'; projectId: number } | { kind: 'tag'; name: string }): ScopeNote[] {
  if (scope.kind === 'tag') return repo.taggedNotes(ctx.db, scope.name);
  assertProject(ctx, scope.projectId);
  return repo.projectNotes(ctx.db, scope.projectId);
}

export function projectQuotes(ctx: CoreContext, projectId: number): ProjectQuote[] {
  assertProject(ctx, projectId);
  return repo.projectQuotes(ctx.db, projectId);
}

export function viewCounts(ctx: CoreContext): ViewCounts {
  return repo.viewCounts(ctx.db);
}

function assertProject(ctx: CoreContext, id: number): void {
  if (!getProject(ctx.db, id)) throw new DossierError('not_found', `Project ${id} does not exist (it may have been deleted).`);
}

function assertArticlesExist(ctx: CoreContext, ids: readonly number[]): void {
  const existing = repo.countExistingArticles(ctx.db, ids);
  if (existing !== ids.length) {
    const missing = ids.length - existing;
    throw new DossierError('not_found', `${missing === 1 ? 'One of these articles does' : `${missing} of these articles do`} not exist (they may have been deleted). Nothing was changed.`);
  }
}
