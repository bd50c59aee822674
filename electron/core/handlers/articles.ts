import type { ArticlesChannel } from '../../../shared/contract/channelNames';
import type { CoreContext } from '../context';
import * as articles from '../services/articles';
import type { HandlersFor } from './types';

export function articlesHandlers(ctx: CoreContext): HandlersFor<ArticlesChannel> {
  return {
    'articles.list': () => articles.listArticles(ctx),
    'articles.get': ({ id }) => articles.getArticle(ctx, id),
    'articles.content': ({ versionId }) => articles.getVersionContent(ctx, versionId),
  };
}
