import { z } from 'zod';
import { RowId, Timestamp } from './ids';

/**
 * Facts as stored for an article version (issue #13): the dry-run shape
 * (shared/domain/facts.ts: the same field names, offsets into the version's
 * content_text) plus each fact's id, its TextQuote selectors and its anchor on
 * the article's latest version, like a passage's.
 */
const Offset = z.number().int().nonnegative();

export const FactStatus = z.enum(['ok', 'changed', 'orphan']);
export type FactStatus = z.infer<typeof FactStatus>;

export const FactAnchorSchema = z.object({
  /** The latest version it was anchored on; start/end null when orphaned. */
  versionId: RowId.nullable(),
  start: Offset.nullable(),
  end: Offset.nullable(),
  status: FactStatus,
});

const SpanFactBase = {
  id: RowId,
  articleId: RowId,
  versionId: RowId,
  text: z.string(),
  /** UTF-16 offsets in the version's content_text. */
  start: Offset,
  end: Offset,
  selectors: z.object({ exact: z.string(), prefix: z.string(), suffix: z.string() }),
  anchor: FactAnchorSchema,
};

export const StoredQuoteSchema = z.object({
  ...SpanFactBase,
  source: z.string(),
  speaker: z.string().nullable(),
  cue: z.string(),
  anonymous: z.boolean(),
  kind: z.enum(['direct', 'indirect']).nullable(),
});
export type StoredQuote = z.infer<typeof StoredQuoteSchema>;

export const StoredFigureSchema = z.object({ ...SpanFactBase, value: z.number(), unit: z.string(), qualifier: z.string().nullable() });
export type StoredFigure = z.infer<typeof StoredFigureSchema>;

export const StoredDateSchema = z.object({ ...SpanFactBase, iso: z.string(), precision: z.enum(['day', 'month', 'year']) });
export type StoredDate = z.infer<typeof StoredDateSchema>;

export const StoredEntitySchema = z.object({
  id: RowId,
  name: z.string(),
  type: z.enum(['person', 'org', 'place']),
  aliases: z.array(z.string()),
  mentions: z.array(z.object({ start: Offset, end: Offset })),
});
export type StoredEntity = z.infer<typeof StoredEntitySchema>;

export const ArticleFactsSchema = z.object({
  articleId: RowId,
  versionId: RowId,
  /** When this version's facts were extracted; null when they have not been yet (the backfill will). */
  extractedAt: Timestamp.nullable(),
  quotes: z.array(StoredQuoteSchema),
  entities: z.array(StoredEntitySchema),
  figures: z.array(StoredFigureSchema),
  dates: z.array(StoredDateSchema),
  /** Facts of earlier versions that did not come through the re-clip unchanged (changed / orphan). */
  earlier: z.array(z.object({ kind: z.enum(['quote', 'figure', 'date']), id: RowId, versionId: RowId, text: z.string(), anchor: FactAnchorSchema })),
});
export type ArticleFacts = z.infer<typeof ArticleFactsSchema>;

/** Where a fact in a project view comes from: enough to link, cite and quote it. */
export const FactSourceSchema = z.object({
  articleId: RowId,
  versionId: RowId,
  title: z.string(),
  siteName: z.string().nullable(),
  url: z.string().nullable(),
  publishedAt: z.string().nullable(),
  byline: z.string().nullable(),
});
export type FactSource = z.infer<typeof FactSourceSchema>;

export const SpeakerQuotesSchema = z.object({
  speaker: z.string(),
  anonymous: z.boolean(),
  quotes: z.array(z.object({ factId: RowId, text: z.string(), source: z.string(), cue: z.string(), start: Offset, end: Offset, from: FactSourceSchema, citation: z.string() })),
});
export type SpeakerQuotes = z.infer<typeof SpeakerQuotesSchema>;

export const TimelineEntrySchema = z.object({
  factId: RowId,
  iso: z.string(),
  precision: z.enum(['day', 'month', 'year']),
  text: z.string(),
  /** The sentence around the date, so the entry says what happened. */
  context: z.string(),
  start: Offset,
  end: Offset,
  from: FactSourceSchema,
  citation: z.string(),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

export const FigureConflictSchema = z.object({
  unit: z.string(),
  figures: z.array(z.object({ factId: RowId, text: z.string(), value: z.number(), qualifier: z.string().nullable(), start: Offset, end: Offset, from: FactSourceSchema, citation: z.string() })),
  /** "deaths: over 110 (Example Wire, 10 Dec) vs 83 (other outlet, 2 Dec)". */
  summary: z.string(),
});
export type FigureConflict = z.infer<typeof FigureConflictSchema>;

export const BackfillStatusSchema = z.object({
  state: z.enum(['idle', 'running', 'done', 'failed']),
  /** Versions processed in this run / left when it started. */
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  startedAt: Timestamp.nullable(),
  finishedAt: Timestamp.nullable(),
  error: z.string().nullable(),
});
export type BackfillStatus = z.infer<typeof BackfillStatusSchema>;
