import { z } from 'zod';
import { RowId } from '../domain/ids';
import { PassageStatus } from '../domain/passage';

/**
 * The one change-event channel: what the core pushes to open windows after a
 * write commits (Electron: one IPC push channel; browser harness: Server-Sent
 * Events). Events say WHAT changed, never the text, so a renderer refetches
 * through the typed contract and every rule (quote integrity, citations)
 * stays in one place.
 *
 * `origin` is `core` for a write made through this process's handlers (any
 * window of it), `external` for a commit by another connection (the CLI,
 * another app instance), seen by polling SQLite's data_version.
 * A window tells its own note saves from another window's by the revision it
 * got back from its own save.
 */
const Origin = z.enum(['core', 'external']);

export const ChangeEvent = z.discriminatedUnion('type', [
  /** A re-clip stored a new version; every passage of the article was re-anchored on it. */
  z.object({ type: z.literal('article.reclipped'), origin: Origin, articleId: RowId, versionId: RowId, previousVersionId: RowId }),
  /** Articles (and their versions) are gone; passages that notes quote stay, as snapshots. */
  z.object({ type: z.literal('articles.deleted'), origin: Origin, articleIds: z.array(RowId) }),
  /** Articles were added or their metadata, reading state or star changed. */
  z.object({ type: z.literal('articles.changed'), origin: Origin, articleIds: z.array(RowId) }),
  /** Passages whose anchor status changed (re-anchoring), or that were created or re-highlighted. */
  z.object({ type: z.literal('passages.changed'), origin: Origin, passages: z.array(z.object({ id: RowId, status: PassageStatus })) }),
  /** A note's content was saved (a new revision). */
  z.object({ type: z.literal('note.saved'), origin: Origin, noteId: RowId, revision: z.number().int().nonnegative() }),
  /** Notes created, renamed or deleted. */
  z.object({ type: z.literal('notes.changed'), origin: Origin, noteIds: z.array(RowId), change: z.enum(['created', 'renamed', 'deleted']) }),
  /** Projects or tags, or what they hold, changed. */
  z.object({ type: z.literal('organize.changed'), origin: Origin, what: z.enum(['projects', 'tags']) }),
  /**
   * The browser extension's "Quote selection into Dossier" is waiting for the note's open editor:
   * that editor claims it (`connector.claimQuote`), inserts it at its cursor like a reader quote,
   * saves and confirms (`connector.quoteInserted`). Unclaimed, the core writes it into the stored note.
   */
  z.object({ type: z.literal('note.quoteWaiting'), origin: Origin, noteId: RowId, requestId: z.uuid() }),
  /** Something changed that no event above describes (an import, a restore, another process): refetch everything. */
  z.object({ type: z.literal('library.changed'), origin: Origin }),
]);
export type ChangeEvent = z.infer<typeof ChangeEvent>;
export type ChangeEventType = ChangeEvent['type'];

/** The harness's Server-Sent Events endpoint (GET, same token header as the API). */
export const CHANGE_EVENT_PATH = '/events';
