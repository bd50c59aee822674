import { z } from 'zod';
import { RowId, Timestamp } from './ids';

/** How long deleted notes and articles wait in the Trash before it empties them, unless the journalist sets another period. */
export const DEFAULT_TRASH_RETENTION_DAYS = 30;
export const TRASH_RETENTION_MAX_DAYS = 3650;

export const TrashRetentionDays = z
  .number()
  .int('Say a whole number of days')
  .min(1, 'Keep deleted items at least 1 day')
  .max(TRASH_RETENTION_MAX_DAYS, `Keep deleted items at most ${TRASH_RETENTION_MAX_DAYS} days`);

export const TrashItemSchema = z.object({
  type: z.enum(['note', 'article']),
  id: RowId,
  title: z.string(),
  trashedAt: Timestamp,
  /** When the Trash empties it by itself (trashedAt + the retention period). */
  expiresAt: Timestamp,
});
export type TrashItem = z.infer<typeof TrashItemSchema>;

export const TrashListSchema = z.object({ items: z.array(TrashItemSchema), retentionDays: z.number().int().positive() });
export type TrashList = z.infer<typeof TrashListSchema>;
