import { z } from 'zod';
import { ArticleContentSchema, ArticleSchema, ArticleSummarySchema } from '../../domain/article';
import { RowId } from '../../domain/ids';
import type { ArticlesChannel } from '../channelNames';
import type { ChannelSpec } from '../spec';

export const articlesContract = {
  'articles.list': {
    input: z.strictObject({}),
    output: z.array(ArticleSummarySchema),
  },
  'articles.get': {
    input: z.strictObject({ id: RowId }),
    output: ArticleSchema,
  },
  'articles.content': {
    input: z.strictObject({ versionId: RowId }),
    output: ArticleContentSchema,
  },
} as const satisfies Record<ArticlesChannel, ChannelSpec>;
