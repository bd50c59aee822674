import { z } from 'zod';
import { SEARCH_LIMIT_MAX, SearchResultSchema } from '../../domain/search';
import type { SearchChannel } from '../channelNames';
import type { ChannelSpec } from '../spec';

export const searchContract = {
  'search.query': {
    input: z.strictObject({
      /** Whatever the user typed; never refused for its content (the result carries a message instead). */
      query: z.string().max(100_000),
      limit: z.number().int().min(0).max(SEARCH_LIMIT_MAX).optional(),
    }),
    output: SearchResultSchema,
  },
} as const satisfies Record<SearchChannel, ChannelSpec>;
