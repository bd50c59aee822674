/**
 * The contract's channel names, per domain, without their schemas: the
 * sandboxed preload allow-lists channels from here without bundling zod.
 * Each domain's contract (domains/*.ts) must declare exactly its names
 * (checked at compile time, and by a unit test).
 */
export const NOTES_CHANNELS = ['notes.list', 'notes.get', 'notes.create', 'notes.rename', 'notes.save', 'notes.delete'] as const;
export const DB_CHANNELS = ['db.check', 'db.status', 'db.backups.list', 'db.backup', 'db.restore', 'db.startEmpty'] as const;

export const CHANNEL_NAMES = [...NOTES_CHANNELS, ...DB_CHANNELS] as const;

export type NotesChannel = (typeof NOTES_CHANNELS)[number];
export type DbChannel = (typeof DB_CHANNELS)[number];
export type ChannelName = (typeof CHANNEL_NAMES)[number];
