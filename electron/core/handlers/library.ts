import type { LibraryChannel } from '../../../shared/contract/channelNames';
import type { CoreContext } from '../context';
import { setArticleState } from '../services/library';
import * as list from '../services/libraryList';
import type { HandlersFor } from './types';

export function libraryHandlers(ctx: CoreContext): HandlersFor<LibraryChannel> {
  return {
    'library.setArticleState': (change) => setArticleState(ctx, change),
    'library.listIds': (request) => list.listIds(ctx, request),
    'library.rows': ({ ids }) => list.rows(ctx, ids),
    'library.deleteImpact': ({ ids }) => list.deleteImpact(ctx, ids),
    'library.deleteArticles': ({ ids }) => list.deleteArticles(ctx, ids),
    'library.moveToProject': ({ ids, fromProjectId, toProjectId }) => list.moveToProject(ctx, ids, fromProjectId, toProjectId),
    'library.scopeNotes': ({ scope }) => list.scopeNotes(ctx, scope),
    'library.projectQuotes': ({ projectId }) => list.projectQuotes(ctx, projectId),
    'library.viewCounts': () => list.viewCounts(ctx),
  };
}
