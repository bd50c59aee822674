/**
 * The contract's channel names, per domain, without their schemas: the
 * sandboxed preload allow-lists channels from here without bundling zod.
 * Each domain's contract (domains/*.ts) must declare exactly its names
 * (checked at compile time, and by a unit test).
 */
export const NOTES_CHANNELS = ['notes.list', 'notes.get', 'notes.create', 'notes.rename', 'notes.save', 'notes.delete'] as const;
export const DB_CHANNELS = ['db.check'] as const;
export const SEARCH_CHANNELS = ['search.query'] as const;
export const PROJECTS_CHANNELS = [
  'projects.list',
  'projects.get',
  'projects.create',
  'projects.rename',
  'projects.delete',
  'projects.addItems',
  'projects.removeItems',
] as const;
export const TAGS_CHANNELS = ['tags.list', 'tags.add', 'tags.remove', 'tags.ofItem'] as const;
export const LIBRARY_CHANNELS = ['library.setArticleState'] as const;

export const CHANNEL_NAMES = [
  ...NOTES_CHANNELS,
  ...DB_CHANNELS,
  ...SEARCH_CHANNELS,
  ...PROJECTS_CHANNELS,
  ...TAGS_CHANNELS,
  ...LIBRARY_CHANNELS,
] as const;

export type NotesChannel = (typeof NOTES_CHANNELS)[number];
export type DbChannel = (typeof DB_CHANNELS)[number];
export type SearchChannel = (typeof SEARCH_CHANNELS)[number];
export type ProjectsChannel = (typeof PROJECTS_CHANNELS)[number];
export type TagsChannel = (typeof TAGS_CHANNELS)[number];
export type LibraryChannel = (typeof LIBRARY_CHANNELS)[number];
export type ChannelName = (typeof CHANNEL_NAMES)[number];
