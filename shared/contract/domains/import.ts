import { z } from 'zod';
import { RowId } from '../../domain/ids';
import type { ImportChannel } from '../channelNames';
import type { ChannelSpec } from '../spec';

export const ImportFilesResultSchema = z.object({
  created: z.number().int().nonnegative(),
  newVersions: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  /** Files that were not imported, with the reason; the others were. */
  failed: z.array(z.object({ path: z.string(), error: z.string() })),
  /** Every imported (or already present) article, in file order. */
  articleIds: z.array(RowId),
});
export type ImportFilesResult = z.infer<typeof ImportFilesResultSchema>;

export const importContract = {
  /**
   * Imports text and Markdown files and folders of them (web pages found there are clipped).
   * Path access only for hosts that grant it (the CLI); refused as forbidden elsewhere.
   */
  'import.files': {
    input: z.strictObject({
      paths: z.array(z.string().min(1).max(4096)).min(1).max(10_000),
      project: z.string().min(1).max(500).optional(),
    }),
    output: ImportFilesResultSchema,
  },
} as const satisfies Record<ImportChannel, ChannelSpec>;
