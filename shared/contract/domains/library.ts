import { z } from 'zod';
import { RowId } from '../../domain/ids';
import { ITEMS_PER_CALL_MAX, ReadingStateSchema } from '../../domain/organize';
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
} as const satisfies Record<LibraryChannel, ChannelSpec>;
