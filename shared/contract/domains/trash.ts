import { z } from 'zod';
import { ItemRefs } from '../../domain/organize';
import { TrashListSchema, TrashRetentionDays } from '../../domain/trash';
import type { TrashChannel } from '../channelNames';
import type { ChannelSpec } from '../spec';

const Count = z.number().int().nonnegative();

/**
 * The Trash. notes.delete, articles.delete and library.deleteArticles move
 * items here; these channels list, restore and delete them for good (the
 * scrubbing delete: no word left in the file, its WAL or later backups).
 */
export const trashContract = {
  'trash.list': { input: z.strictObject({}), output: TrashListSchema },
  /** All or nothing: an item that is not in the trash (restored or deleted elsewhere) changes nothing. */
  'trash.restore': { input: z.strictObject({ items: ItemRefs }), output: z.object({ restored: Count }) },
  /** Only items already in the trash; all or nothing. */
  'trash.deletePermanently': { input: z.strictObject({ items: ItemRefs }), output: z.object({ deleted: Count }) },
  'trash.empty': { input: z.strictObject({}), output: z.object({ deleted: Count }) },
  /** Reads the retention period, or sets it when given; items older than the new period are deleted at once. */
  'trash.settings': {
    input: z.strictObject({ retentionDays: TrashRetentionDays.optional() }),
    output: z.object({ retentionDays: z.number().int().positive(), deleted: Count }),
  },
} as const satisfies Record<TrashChannel, ChannelSpec>;
