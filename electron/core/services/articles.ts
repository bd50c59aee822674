import type { Article, ArticleContent, ArticleSummary } from '../../../shared/domain/article';
import { DossierError } from '../../../shared/errors';
import * as articles from '../../../db/repositories/articles';
import type { CoreContext } from '../context';
import { moveToTrash } from './trash';
import { emitChange } from '../events';

export function listArticles(ctx: CoreContext): ArticleSummary[] {
  return articles.listArticles(ctx.db);
}

export function getArticle(ctx: CoreContext, id: number): Article {
  const article = articles.getArticle(ctx.db, id);
  if (!article) throw new DossierError('not_found', `Article ${id} does not exist (it may have been deleted).`);
  return article;
}

export function getVersionContent(ctx: CoreContext, versionId: number): ArticleContent {
  const content = articles.getVersionContent(ctx.db, versionId);
  if (!content) throw new DossierError('not_found', `Article version ${versionId} does not exist.`);
  return content;
}

export function updateMetadata(ctx: CoreContext, id: number, edit: articles.MetadataEdit): Article {
  const updated = ctx.db.transaction(() => articles.updateArticleMetadata(ctx.db, id, edit, ctx.now())).immediate();
  if (!updated) throw new DossierError('not_found', `Article ${id} does not exist (it may have been deleted).`);
  emitChange(ctx, { type: 'articles.changed', articleIds: [id] });
  return getArticle(ctx, id);
}

/** Moves the article to the Trash: its quotes in notes say "source in trash" until it is restored or deleted for good. */
export function deleteArticle(ctx: CoreContext, id: number): { deleted: true } {
  moveToTrash(ctx, 'article', [id]);
  emitChange(ctx, { type: 'articles.deleted', articleIds: [id] });
  return { deleted: true };
}
