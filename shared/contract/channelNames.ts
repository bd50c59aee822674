/**
 * The contract's channel names, without their schemas, so the sandboxed
 * preload can allow-list channels without bundling zod. channels.ts is checked
 * against this list at compile time (and by a unit test).
 */
export const CHANNEL_NAMES = [
  'notes.list',
  'notes.get',
  'notes.create',
  'notes.rename',
  'notes.save',
  'notes.delete',
  'db.check',
] as const;

export type ChannelName = (typeof CHANNEL_NAMES)[number];
