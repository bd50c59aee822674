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
  /** Notes whose content disagrees with the checksum their last save wrote (a torn write; always empty). */
  tornNoteIds: z.array(z.number().int()),
});
export type DbCheck = z.infer<typeof DbCheckSchema>;

export const BACKUP_REASONS = ['daily', 'manual', 'pre-migration', 'pre-restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export const BackupInfoSchema = z.object({
  file: z.string(),
  createdAt: z.string(),
  reason: z.enum([...BACKUP_REASONS, 'other']),
  sizeBytes: z.number().int().nonnegative(),
  /** Verified just now: opened read-only, quick_check clean, a schema this Dossier can open. */
  ok: z.boolean(),
  problem: z.string().nullable(),
  schemaVersion: z.number().int().nullable(),
  noteCount: z.number().int().nullable(),
});
export type BackupInfo = z.infer<typeof BackupInfoSchema>;

/** corrupt: the file failed its checks. empty_with_backups: it opened with no notes or articles while a backup holds some. */
export const DamageReasonSchema = z.enum(['corrupt', 'empty_with_backups']);
export type DamageReason = z.infer<typeof DamageReasonSchema>;

export const DbStatusSchema = z.object({
  state: z.enum(['ok', 'damaged']),
  path: z.string(),
  /** When the library was found damaged: where the damaged file was moved (kept, never deleted). */
  damaged: z
    .object({ movedTo: z.string().nullable(), problem: z.string(), detectedAt: z.string(), reason: DamageReasonSchema.optional() })
    .nullable(),
  /** Only looked up while the library is damaged (it is what the app offers to restore); null otherwise. */
  newestGoodBackup: BackupInfoSchema.nullable(),
});
export type DbStatus = z.infer<typeof DbStatusSchema>;

/** An absolute file path (POSIX, drive-letter or UNC), no NUL bytes. */
const AbsoluteFilePath = z
  .string()
  .min(2)
  .max(4096)
  .refine((p) => !p.includes('\0'), 'must not contain NUL')
  .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'), 'must be an absolute path');

export const dbContract = {
  'db.check': {
    input: z.strictObject({}),
    output: DbCheckSchema,
  },
  'db.status': {
    input: z.strictObject({}),
    output: DbStatusSchema,
  },
  'db.backups.list': {
    input: z.strictObject({}),
    output: z.array(BackupInfoSchema),
  },
  'db.backup': {
    input: z.strictObject({
      /** Write the copy here instead of the rotating backups folder; an existing file is never overwritten. */
      out: AbsoluteFilePath.refine((p) => /\.(sqlite|sqlite3|db)$/i.test(p), 'must end in .sqlite, .sqlite3 or .db').optional(),
    }),
    output: BackupInfoSchema,
  },
  'db.restore': {
    input: z.strictObject({ file: AbsoluteFilePath }),
    output: z.object({
      restoredFrom: z.string(),
      /** Where the library that was replaced now lives (kept, never deleted); null if there was none. */
      previousMovedTo: z.string().nullable(),
      schemaVersion: z.number().int(),
      noteCount: z.number().int().nonnegative(),
    }),
  },
  'db.startEmpty': {
    input: z.strictObject({}),
    output: DbStatusSchema,
  },
} as const satisfies Record<DbChannel, ChannelSpec>;
