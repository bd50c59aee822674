import { z } from 'zod';
import { RowId, Timestamp } from './ids';

/** Where a passage stands on its article's latest version; source_deleted once the article is gone. */
export const PassageStatus = z.enum(['ok', 'changed', 'orphan', 'source_deleted']);
export type PassageStatus = z.infer<typeof PassageStatus>;

export const HighlightColor = z.enum(['yellow', 'green', 'blue', 'pink']);
export type HighlightColor = z.infer<typeof HighlightColor>;

export const DiffPartSchema = z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() });

export const PassageSourceSchema = z.object({
  articleId: RowId.nullable(),
  title: z.string(),
  siteName: z.string().nullable(),
  url: z.string().nullable(),
  /** The source article is in the Trash: its quotes say so, and are linked again when it is restored. */
  inTrash: z.boolean().optional(),
});
export type PassageSource = z.infer<typeof PassageSourceSchema>;

export const PassageSchema = z.object({
  id: RowId,
  source: PassageSourceSchema,
  /** The version the passage was selected on (null once the article is deleted). */
  createdVersionId: RowId.nullable(),
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  /** UTF-16 offsets in the created version's content_text. */
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  anchor: z.object({
    /** The latest version it was anchored on; with start/end null when orphaned or deleted. */
    versionId: RowId.nullable(),
    start: z.number().int().nonnegative().nullable(),
    end: z.number().int().nonnegative().nullable(),
    status: PassageStatus,
    /** What the source says now, when it differs from `exact`. */
    matched: z.string().nullable(),
    diff: z.array(DiffPartSchema).nullable(),
  }),
  highlight: HighlightColor.nullable(),
  /** The highlight's label (shared/highlights/labels.ts) and comment; null when none or not highlighted. */
  label: z.string().nullable(),
  comment: z.string().nullable(),
  createdAt: Timestamp,
});
export type Passage = z.infer<typeof PassageSchema>;

/** A highlight label of the library's set: a default or one the journalist added, with how many highlights carry it. */
export const HighlightLabelSchema = z.object({ name: z.string(), builtIn: z.boolean(), count: z.number().int().nonnegative() });
export type HighlightLabel = z.infer<typeof HighlightLabelSchema>;

export const BacklinkSchema = z.object({ noteId: RowId, noteTitle: z.string(), quoteCount: z.number().int().positive() });
export type Backlink = z.infer<typeof BacklinkSchema>;

export const PassageWithBacklinksSchema = PassageSchema.extend({ backlinks: z.array(BacklinkSchema) });
export type PassageWithBacklinks = z.infer<typeof PassageWithBacklinksSchema>;

/**
 * One passage as a quote's chip shows it: `short` is the chip's label (author or
 * outlet, and the title's first words), `full` THE citation text
 * (shared/citation/citationText.ts), shown on hover and focus.
 */
export const PassageDetailSchema = PassageWithBacklinksSchema.extend({ citation: z.object({ short: z.string(), full: z.string() }) });
export type PassageDetail = z.infer<typeof PassageDetailSchema>;

/** A passage placed on one version for the reader: the range to draw, or null when it is not on that version. */
export const PlacedPassageSchema = PassageWithBacklinksSchema.extend({
  range: z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }).nullable(),
});
export type PlacedPassage = z.infer<typeof PlacedPassageSchema>;

/**
 * A quote's state in a note: altered (its words differ from the passage beyond
 * typography) wins; otherwise the source's status; unlinked when the node has
 * no passage (or one this database does not know).
 */
export const QuoteStatus = z.enum(['ok', 'changed', 'orphan', 'altered', 'source_deleted', 'source_in_trash', 'unlinked']);
export type QuoteStatus = z.infer<typeof QuoteStatus>;

export const NoteQuoteSchema = z.object({
  ordinal: z.number().int().nonnegative(),
  kind: z.enum(['block', 'inline']),
  passageId: RowId.nullable(),
  text: z.string(),
  status: QuoteStatus,
  altered: z.boolean(),
  sourceStatus: PassageStatus.nullable(),
  exact: z.string().nullable(),
  source: PassageSourceSchema.nullable(),
});
export type NoteQuote = z.infer<typeof NoteQuoteSchema>;
