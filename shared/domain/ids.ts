import { z } from 'zod';

/** Row ids are SQLite INTEGER PRIMARY KEYs: positive, safe integers. */
export const RowId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export type RowId = z.infer<typeof RowId>;

/** ISO-8601 UTC timestamps with milliseconds, as stored (they sort as text). */
export const Timestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
export type Timestamp = z.infer<typeof Timestamp>;
