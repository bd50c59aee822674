import { z } from 'zod';
import { ArticleSummarySchema } from '../../domain/article';
import { RowId } from '../../domain/ids';
import {
  ArticleIdsSchema,
  DeleteImpactSchema,
  LIST_FILTER_MAX,
  LibraryIdsSchema,
  LibraryScopeSchema,
  LibrarySortSchema,
  ProjectQuoteSchema,
  ROWS_PER_CALL_MAX,
  ScopeNoteSchema,
  SortDirectionSchema,
  ViewCountsSchema,
} from '../../domain/libraryList';
import { ITEMS_PER_CALL_MAX, ReadingStateSchema, TagName } from '../../domain/organize';
import type { LibraryChannel } from '../channelNames';
import type { ChannelSpec } from '../spec';

export const libraryContract = {
  'library.setArticleState': {
    input: z
      .strictObject({
        ids: z.array(RowId).min(1, 'Select at least one article').max(ITEMS_PER_CALL_MAX),
        readingState: ReadingStateSchema.optional(),
        starred: z.boolean().optional(),
      })
      .refine((v) => v.readingState !== undefined || v.starred !== undefined, 'Say what to change: readingState, starred or both'),
    output: z.object({ updated: z.number().int().nonnegative() }),
  },
  'library.listIds': {
    input: z.strictObject({
      scope: LibraryScopeSchema,
      sort: LibrarySortSchema.optional(),
      direction: SortDirectionSchema.optional(),
      /** Words that must occur in the title, byline or outlet (case-insensitive). */
      filter: z.string().max(LIST_FILTER_MAX).optional(),
    }),
    output: LibraryIdsSchema,
  },
  'library.rows': {
    input: z.strictObject({ ids: z.array(RowId).min(1).max(ROWS_PER_CALL_MAX) }),
    /** In the order asked; ids that no longer exist are left out. */
    output: z.array(ArticleSummarySchema),
  },
  'library.deleteImpact': { input: z.strictObject({ ids: ArticleIdsSchema }), output: DeleteImpactSchema },
  'library.deleteArticles': { input: z.strictObject({ ids: ArticleIdsSchema }), output: z.object({ deleted: z.number().int().nonnegative() }) },
  'library.moveToProject': {
    input: z
      .strictObject({ ids: ArticleIdsSchema, fromProjectId: RowId, toProjectId: RowId })
      .refine((v) => v.fromProjectId !== v.toProjectId, 'Choose a different project to move to'),
    output: z.object({ moved: z.number().int().nonnegative() }),
  },
  'library.scopeNotes': {
    input: z.strictObject({
      scope: z.discriminatedUnion('kind', [z.strictObject({ kind: z.literal('project'), projectId: RowId }), z.strictObject({ kind: z.literal('tag'), name: TagName })]),
    }),
    output: z.array(ScopeNoteSchema),
  },
  'library.projectQuotes': { input: z.strictObject({ projectId: RowId }), output: z.array(ProjectQuoteSchema) },
  'library.viewCounts': { input: z.strictObject({}), output: ViewCountsSchema },
} as const satisfies Record<LibraryChannel, ChannelSpec>;
