import { countExistingArticles, setReadingState } from '../../../db/repositories/readingState';
import type { CoreContext } from '../context';
import { emitChange } from '../events';
import { DossierError } from '../../../shared/errors';

export interface ArticleStateChange {
  ids: readonly number[];
  readingState?: 'unread' | 'read' | 'archived';
  starred?: boolean;
}

/** Sets reading state and/or star on articles, all or nothing. */
export function setArticleState(ctx: CoreContext, change: ArticleStateChange): { updated: number } {
  if (change.readingState === undefined && change.starred === undefined) {
    throw new DossierError('invalid_input', 'Say what to change: readingState, starred or both.');
  }
  const ids = [...new Set(change.ids)];
  const result = ctx.db.transaction(() => {
    const existing = countExistingArticles(ctx.db, ids);
    if (existing !== ids.length) {
      throw new DossierError('not_found', `${ids.length - existing} of these articles do not exist (they may have been deleted). Nothing was changed.`);
    }
    return { updated: setReadingState(ctx.db, ids, change.readingState ?? null, change.starred ?? null, ctx.now()) };
  }).immediate();
  emitChange(ctx, { type: 'articles.changed', articleIds: ids });
  return result;
}
