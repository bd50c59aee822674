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
    const existing = ctx.db.prepare(`SELECT count(*) FROM articles WHERE id IN (SELECT value FROM json_each(?))`).pluck().get(JSON.stringify(ids)) as number;
    if (existing !== ids.length) {
      throw new DossierError('not_found', `${ids.length - existing} of these articles do not exist (they may have been deleted). Nothing was changed.`);
    }
    const info = ctx.db
      .prepare(
        `UPDATE articles SET reading_state = coalesce(?, reading_state), starred = coalesce(?, starred), updated_at = ?
          WHERE id IN (SELECT value FROM json_each(?))`,
      )
      .run(change.readingState ?? null, change.starred === undefined ? null : Number(change.starred), ctx.now(), JSON.stringify(ids));
    return { updated: info.changes };
  }).immediate();
  emitChange(ctx, { type: 'articles.changed', articleIds: ids });
  return result;
}
