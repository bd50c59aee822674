import { z } from 'zod';
import { RowId, Timestamp } from './ids';

export const SEARCH_LIMIT_MAX = 200;
export const SEARCH_LIMIT_DEFAULT = 20;

/** A piece of a snippet; `hit` pieces are the words that matched (render them highlighted, as text). */
export const SnippetPartSchema = z.object({ text: z.string(), hit: z.boolean() });
export type SnippetPart = z.infer<typeof SnippetPartSchema>;

export const ArticleHitSchema = z.object({
  type: z.literal('article'),
  id: RowId,
  title: z.string(),
  byline: z.string().nullable(),
  site: z.string().nullable(),
  publishedAt: z.string().nullable(),
  clippedAt: Timestamp,
  readingState: z.enum(['unread', 'read', 'archived']),
  starred: z.boolean(),
  snippet: z.array(SnippetPartSchema),
});
export type ArticleHit = z.infer<typeof ArticleHitSchema>;

export const NoteHitSchema = z.object({
  type: z.literal('note'),
  id: RowId,
  title: z.string(),
  updatedAt: Timestamp,
  snippet: z.array(SnippetPartSchema),
});
export type NoteHit = z.infer<typeof NoteHitSchema>;

/** A quoted passage: its text, its source, and the notes quoting it. `title` is the source's title. */
export const QuoteHitSchema = z.object({
  type: z.literal('quote'),
  /** The passage id. */
  id: RowId,
  title: z.string(),
  /** Null once the source article was deleted (the quote keeps its citation). */
  articleId: RowId.nullable(),
  site: z.string().nullable(),
  text: z.string(),
  anchorStatus: z.enum(['ok', 'changed', 'orphan', 'source_deleted']),
  createdAt: Timestamp,
  noteCount: z.number().int().nonnegative(),
  /** The first notes quoting it (noteCount says how many there are). */
  notes: z.array(z.object({ id: RowId, title: z.string() })),
  /** Its highlight's label and comment, when it is a highlight that has them. */
  label: z.string().nullable(),
  comment: z.string().nullable(),
  snippet: z.array(SnippetPartSchema),
});
export type QuoteHit = z.infer<typeof QuoteHitSchema>;

/** What every fact hit has (issue #13): the fact's words in its article, where its anchor stands. `title` is the article's title. */
const factHitFields = {
  /** The fact id. */
  id: RowId,
  articleId: RowId,
  title: z.string(),
  site: z.string().nullable(),
  publishedAt: z.string().nullable(),
  /** The fact's words as they stand in the article. */
  text: z.string(),
  anchorStatus: z.enum(['ok', 'changed', 'orphan']),
  snippet: z.array(SnippetPartSchema),
};

/** Who said what: an attributed quote or reported speech, with its speaker resolved (null when unnamed). */
export const AttributionHitSchema = z.object({
  type: z.literal('attribution'),
  ...factHitFields,
  speaker: z.string().nullable(),
  source: z.string(),
  cue: z.string(),
  anonymous: z.boolean(),
});
export type AttributionHit = z.infer<typeof AttributionHitSchema>;

export const FigureHitSchema = z.object({
  type: z.literal('figure'),
  ...factHitFields,
  value: z.number(),
  unit: z.string(),
  qualifier: z.string().nullable(),
});
export type FigureHit = z.infer<typeof FigureHitSchema>;

export const DateHitSchema = z.object({
  type: z.literal('date'),
  ...factHitFields,
  iso: z.string(),
  precision: z.enum(['day', 'month', 'year']),
});
export type DateHit = z.infer<typeof DateHitSchema>;

export type FactHit = AttributionHit | FigureHit | DateHit;

export const SearchHitSchema = z.discriminatedUnion('type', [ArticleHitSchema, NoteHitSchema, QuoteHitSchema, AttributionHitSchema, FigureHitSchema, DateHitSchema]);
export type SearchHit = z.infer<typeof SearchHitSchema>;

export const SearchGroupSchema = z.object({
  type: z.enum(['article', 'note', 'quote', 'attribution', 'figure', 'date']),
  /** All matches of this type (hits holds at most `limit` of them, best first). */
  count: z.number().int().nonnegative(),
  hits: z.array(SearchHitSchema),
});
export type SearchGroup = z.infer<typeof SearchGroupSchema>;

export const SearchResultSchema = z.object({
  query: z.string(),
  /** A friendly explanation when the query could not be run (groups are then empty), or a note about it. */
  message: z.string().nullable(),
  /**
   * The query as the journalist probably meant it, when this one found nothing or could not run: a
   * misspelt word replaced by the library's nearest word ("Venezuala" → "Venezuela"), a misspelt filter
   * key (tpye: → type:), a project name completed. Null otherwise.
   */
  suggestion: z.string().nullable(),
  groups: z.array(SearchGroupSchema),
  total: z.number().int().nonnegative(),
  tookMs: z.number().nonnegative(),
});
export type SearchResult = z.infer<typeof SearchResultSchema>;
