import { z } from 'zod';
import type { DbChannel } from '../channelNames';
import type { ChannelSpec } from '../spec';

export const DbCheckSchema = z.object({
  ok: z.boolean(),
  quickCheck: z.array(z.string()),
  schemaVersion: z.number().int(),
  appSchemaVersion: z.number().int(),
  path: z.string(),
  noteCount: z.number().int().nonnegative(),
});
export type DbCheck = z.infer<typeof DbCheckSchema>;

export const dbContract = {
  'db.check': {
    input: z.strictObject({}),
    output: DbCheckSchema,
  },
} as const satisfies Record<DbChannel, ChannelSpec>;
