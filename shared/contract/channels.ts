import { z } from 'zod';
import { RowId } from '../domain/ids';
import type { ChannelName } from './channelNames';
import {
  NOTE_CONTENT_MAX_CHARS,
  NoteSavedSchema,
  NoteSchema,
  NoteSummarySchema,
  NoteTitle,
} from '../domain/note';

/**
 * The one contract for every main↔renderer call. Each channel declares its input
 * schema (validated in the main process on every call, whatever the transport:
 * Electron IPC, the browser harness or the CLI) and its output schema (the type
 * the renderer receives; tests check handlers against it).
 *
 * Inputs are strict objects: unknown keys are refused, so a typo in a caller
 * fails loudly instead of being ignored.
 */
const NoteRef = z.strictObject({ id: RowId });

export const DbCheckSchema = z.object({
  ok: z.boolean(),
  quickCheck: z.array(z.string()),
  schemaVersion: z.number().int(),
  appSchemaVersion: z.number().int(),
  path: z.string(),
  noteCount: z.number().int().nonnegative(),
});
export type DbCheck = z.infer<typeof DbCheckSchema>;

export const contract = {
  'notes.list': {
    input: z.strictObject({}),
    output: z.array(NoteSummarySchema),
  },
  'notes.get': {
    input: NoteRef,
    output: NoteSchema,
  },
  'notes.create': {
    input: z.strictObject({ title: NoteTitle.optional() }),
    output: NoteSchema,
  },
  'notes.rename': {
    input: z.strictObject({ id: RowId, title: NoteTitle }),
    output: NoteSummarySchema,
  },
  'notes.save': {
    input: z.strictObject({
      id: RowId,
      contentJson: z.string().min(2).max(NOTE_CONTENT_MAX_CHARS),
    }),
    output: NoteSavedSchema,
  },
  'notes.delete': {
    input: NoteRef,
    output: z.object({ id: RowId }),
  },
  'db.check': {
    input: z.strictObject({}),
    output: DbCheckSchema,
  },
} as const satisfies Record<ChannelName, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
// Both directions: no channel in the contract is missing from CHANNEL_NAMES.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const CHANNEL_NAMES_MATCH_CONTRACT: Exact<Channel, ChannelName> = true;
/** What a caller passes (before zod defaults/transforms). */
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives (after validation). */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}
