import { z } from 'zod';
import { RowId } from '../../domain/ids';
import { HighlightColor, HighlightLabelSchema, NoteQuoteSchema, PassageDetailSchema, PassageSchema, PlacedPassageSchema } from '../../domain/passage';
import type { PassagesChannel } from '../channelNames';
import type { ChannelSpec } from '../spec';

/** UTF-16 offsets into a version's content_text (shared/text/normalizedText.ts defines that text). */
const Offset = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const Selection = { versionId: RowId, start: Offset, end: Offset };

export const passagesContract = {
  /** Makes (or reuses) the passage for a selection; whitespace around it is trimmed. */
  'passages.create': {
    input: z.strictObject(Selection),
    output: PassageSchema,
  },
  'passages.highlight': {
    input: z.strictObject({ ...Selection, color: HighlightColor.default('yellow') }),
    output: PassageSchema,
  },
  /** color null removes the highlight (the passage stays while notes quote it). */
  'passages.setHighlight': {
    input: z.strictObject({ passageId: RowId, color: HighlightColor.nullable() }),
    output: PassageSchema,
  },
  'passages.get': {
    input: z.strictObject({ id: RowId }),
    output: PassageDetailSchema,
  },
  /** Every passage of the version's article, with the range to draw on that version, status and backlinks. */
  'passages.forVersion': {
    input: z.strictObject({ versionId: RowId }),
    output: z.array(PlacedPassageSchema),
  },
  /** Finds words in an article's newest version (typography-insensitive) and makes a passage of them. */
  'passages.find': {
    input: z.strictObject({ articleId: RowId, text: z.string().min(1).max(100_000) }),
    output: PassageSchema,
  },
  /** Appends a quote of the passage to a note (a new one titled after the article when noteId is absent). */
  'passages.quoteIntoNote': {
    input: z.strictObject({ passageId: RowId, noteId: RowId.optional(), kind: z.enum(['block', 'inline']).default('block') }),
    output: z.object({ noteId: RowId, passageId: RowId }),
  },
  'passages.quotesOfNote': {
    input: z.strictObject({ noteId: RowId }),
    output: z.array(NoteQuoteSchema),
  },
  /**
   * Sets a highlight's label and/or comment (an absent key is left as it is; null or "" clears it).
   * A passage not yet highlighted is highlighted (yellow); a label not in the set joins it.
   */
  'passages.annotate': {
    input: z.strictObject({
      passageId: RowId,
      label: z.string().max(1_000).nullable().optional(),
      comment: z.string().max(100_000).nullable().optional(),
    }),
    output: PassageSchema,
  },
  /** The label set: defaults first, then the journalist's, each with its count of highlights. */
  'passages.labels': {
    input: z.strictObject({}),
    output: z.array(HighlightLabelSchema),
  },
} as const satisfies Record<PassagesChannel, ChannelSpec>;
