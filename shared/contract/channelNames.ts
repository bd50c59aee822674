/**
 * The contract's channel names, per domain, without their schemas: the
 * sandboxed preload allow-lists channels from here without bundling zod.
 * Each domain's contract (domains/*.ts) must declare exactly its names
 * (checked at compile time, and by a unit test).
 */
export const NOTES_CHANNELS = ['notes.list', 'notes.get', 'notes.create', 'notes.rename', 'notes.save', 'notes.delete'] as const;
export const ARTICLES_CHANNELS = ['articles.list', 'articles.get', 'articles.content'] as const;
export const DB_CHANNELS = ['db.check', 'db.status', 'db.backups.list', 'db.backup', 'db.restore', 'db.startEmpty'] as const;
export const CLIP_CHANNELS = [
  'clip.preview',
  'clip.save',
  'clip.files',
  'clip.pickFiles',
  'clip.chooseFiles',
  'clip.chosenFile',
  'clip.pending',
  'clip.fetchPending',
  'articles.updateMetadata',
  'articles.delete',
  'articles.originalText',
  'clip.removePending',
] as const;

export const PASSAGES_CHANNELS = [
  'passages.create',
  'passages.highlight',
  'passages.setHighlight',
  'passages.get',
  'passages.forVersion',
  'passages.find',
  'passages.quoteIntoNote',
  'passages.quotesOfNote',
  'passages.annotate',
  'passages.labels',
] as const;

export const EXPORT_CHANNELS = [
  'export.noteMarkdown',
  'export.note',
  'export.noteToChosenFile',
  'export.notes',
  'export.project',
  'export.archive',
  'export.importArchive',
  'export.projectStart',
  'export.jobStatus',
  'export.jobProceed',
  'export.archiveToChosenFile',
  'export.importArchivePreview',
  'export.importArchiveConfirm',
  'export.copyNoteMarkdown',
  'export.copyText',
] as const;

export const SEARCH_CHANNELS = ['search.query'] as const;
export const PROJECTS_CHANNELS = [
  'projects.list',
  'projects.get',
  'projects.create',
  'projects.rename',
  'projects.delete',
  'projects.addItems',
  'projects.removeItems',
  'projects.ofItem',
  'projects.merge',
] as const;
export const TAGS_CHANNELS = ['tags.list', 'tags.add', 'tags.remove', 'tags.ofItem', 'tags.rename', 'tags.merge', 'tags.delete'] as const;
export const LIBRARY_CHANNELS = [
  'library.setArticleState',
  'library.listIds',
  'library.rows',
  'library.deleteImpact',
  'library.deleteArticles',
  'library.moveToProject',
  'library.scopeNotes',
  'library.projectQuotes',
  'library.viewCounts',
] as const;
export const IMPORT_CHANNELS = ['import.files'] as const;
export const FACTS_CHANNELS = [
  'facts.ofArticle',
  'facts.quoteIntoNote',
  'facts.speakers',
  'facts.timeline',
  'facts.conflicts',
  'facts.exportProject',
  'facts.backfillStatus',
  'facts.backfillStart',
] as const;

export const TRASH_CHANNELS = ['trash.list', 'trash.restore', 'trash.deletePermanently', 'trash.empty', 'trash.settings'] as const;

export const CONNECTOR_CHANNELS = ['connector.startPairing', 'connector.setCurrentNote', 'connector.claimQuote', 'connector.quoteInserted', 'connector.pairedExtensions', 'connector.revoke'] as const;

export const CHANNEL_NAMES = [...NOTES_CHANNELS, ...ARTICLES_CHANNELS, ...DB_CHANNELS, ...CLIP_CHANNELS, ...PASSAGES_CHANNELS, ...EXPORT_CHANNELS, ...SEARCH_CHANNELS, ...PROJECTS_CHANNELS, ...TAGS_CHANNELS, ...LIBRARY_CHANNELS, ...IMPORT_CHANNELS, ...FACTS_CHANNELS, ...TRASH_CHANNELS, ...CONNECTOR_CHANNELS] as const;

export type NotesChannel = (typeof NOTES_CHANNELS)[number];
export type ArticlesChannel = (typeof ARTICLES_CHANNELS)[number];
export type DbChannel = (typeof DB_CHANNELS)[number];
export type ClipChannel = (typeof CLIP_CHANNELS)[number];
export type PassagesChannel = (typeof PASSAGES_CHANNELS)[number];
export type ExportChannel = (typeof EXPORT_CHANNELS)[number];
export type SearchChannel = (typeof SEARCH_CHANNELS)[number];
export type ProjectsChannel = (typeof PROJECTS_CHANNELS)[number];
export type TagsChannel = (typeof TAGS_CHANNELS)[number];
export type LibraryChannel = (typeof LIBRARY_CHANNELS)[number];
export type ImportChannel = (typeof IMPORT_CHANNELS)[number];
export type FactsChannel = (typeof FACTS_CHANNELS)[number];
export type TrashChannel = (typeof TRASH_CHANNELS)[number];
export type ConnectorChannel = (typeof CONNECTOR_CHANNELS)[number];
export type ChannelName = (typeof CHANNEL_NAMES)[number];
