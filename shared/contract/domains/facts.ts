import { z } from 'zod';
import { RowId } from '../../domain/ids';
import { ArticleFactsSchema, BackfillStatusSchema, FigureConflictSchema, SpeakerQuotesSchema, TimelineEntrySchema } from '../../domain/storedFacts';
import type { FactsChannel } from '../channelNames';
import type { ChannelSpec } from '../spec';

/** A project by name or id, as the CLI's --project takes it. */
const ProjectRef = z.strictObject({ project: z.string().trim().min(1).max(500) });

export const factsContract = {
  /** The stored facts of an article version (default: the latest), with their anchors. */
  'facts.ofArticle': {
    input: z.strictObject({ articleId: RowId, versionId: RowId.optional() }),
    output: ArticleFactsSchema,
  },
  /** Quotes a fact's words into a note through a passage made from the fact's anchor (a new note when noteId is absent). */
  'facts.quoteIntoNote': {
    input: z.strictObject({ factId: RowId, noteId: RowId.optional(), kind: z.enum(['block', 'inline']).default('block') }),
    output: z.object({ noteId: RowId, passageId: RowId }),
  },
  'facts.speakers': { input: ProjectRef, output: z.array(SpeakerQuotesSchema) },
  'facts.timeline': { input: ProjectRef, output: z.array(TimelineEntrySchema) },
  'facts.conflicts': { input: ProjectRef, output: z.array(FigureConflictSchema) },
  /** A project's facts as Markdown (who said what, timeline, conflicts) or CSV, each row cited with its text-fragment link. */
  'facts.exportProject': {
    input: z.strictObject({ project: z.string().trim().min(1).max(500), format: z.enum(['markdown', 'csv']) }),
    output: z.object({ filename: z.string(), text: z.string() }),
  },
  'facts.backfillStatus': { input: z.strictObject({}), output: BackfillStatusSchema },
  /** Starts extracting facts for versions that have none (no-op while a run is going). */
  'facts.backfillStart': { input: z.strictObject({}), output: BackfillStatusSchema },
} as const satisfies Record<FactsChannel, ChannelSpec>;
