import { z } from 'zod';
import { RowId, Timestamp } from './ids';
import { ITEMS_PER_CALL_MAX, TagName } from './organize';

/** What the library list shows: a reading view, one project, or one tag. */
export const LIBRARY_VIEW_IDS = ['all', 'unread', 'starred', 'archived'] as const;
export const LibraryScopeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('view'), view: z.enum(LIBRARY_VIEW_IDS) }),
  z.strictObject({ kind: z.literal('project'), projectId: RowId }),
  z.strictObject({ kind: z.literal('tag'), name: TagName }),
]);
export type LibraryScope = z.infer<typeof LibraryScopeSchema>;

export const LIBRARY_SORT_KEYS = ['clipped', 'published', 'title', 'outlet'] as const;
export const LibrarySortSchema = z.enum(LIBRARY_SORT_KEYS);
export type LibrarySort = z.infer<typeof LibrarySortSchema>;
export const SortDirectionSchema = z.enum(['asc', 'desc']);
export type SortDirection = z.infer<typeof SortDirectionSchema>;

export const LIST_FILTER_MAX = 500;
/** Rows fetched per call: a few screens of the virtualized list. */
export const ROWS_PER_CALL_MAX = 500;

export const ArticleIdsSchema = z.array(RowId).min(1, 'Select at least one article').max(ITEMS_PER_CALL_MAX);

export const LibraryIdsSchema = z.object({
  /** Every matching article id, in list order: the list is virtualized and fetches rows for what is on screen. */
  ids: z.array(RowId),
  total: z.number().int().nonnegative(),
});
export type LibraryIds = z.infer<typeof LibraryIdsSchema>;

export const DeleteImpactSchema = z.object({
  articles: z.number().int().nonnegative(),
  /** Quote nodes in notes that cite a passage of these articles. */
  quotes: z.number().int().nonnegative(),
  notes: z.number().int().nonnegative(),
});
export type DeleteImpact = z.infer<typeof DeleteImpactSchema>;

export const ScopeNoteSchema = z.object({ id: RowId, title: z.string(), updatedAt: Timestamp });
export type ScopeNote = z.infer<typeof ScopeNoteSchema>;

export const ProjectQuoteSchema = z.object({
  passageId: RowId,
  exact: z.string(),
  sourceTitle: z.string(),
  articleId: RowId.nullable(),
  anchorStatus: z.enum(['ok', 'changed', 'orphan', 'source_deleted']),
  /** Notes of any project that quote the passage. */
  noteCount: z.number().int().nonnegative(),
});
export type ProjectQuote = z.infer<typeof ProjectQuoteSchema>;

const Count = z.number().int().nonnegative();
export const ViewCountsSchema = z.object({ all: Count, unread: Count, starred: Count, archived: Count });
export type ViewCounts = z.infer<typeof ViewCountsSchema>;
