import * as repo from '../../../db/repositories/trash';
import { getSetting, setSetting } from '../../../db/repositories/settings';
import type { ItemRef } from '../../../shared/domain/organize';
import { DEFAULT_TRASH_RETENTION_DAYS, type TrashList } from '../../../shared/domain/trash';
import { DossierError } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { distinctItems } from './organize';
import { deleteAndScrub } from './purge';
import { emitChange } from '../events';

/**
 * Deleting from the app moves notes and articles to the Trash (nothing is
 * unlinked: a quote of a trashed source says "source in trash" and is linked
 * again on restore). Deleting for good, by hand or when the retention period
 * has passed, goes through deleteAndScrub like every delete of user text.
 */

const RETENTION_KEY = 'trash.retentionDays';
const DAY_MS = 24 * 60 * 60 * 1000;

/** Moves live items to the trash, all or nothing: an item already gone (or trashed) changes nothing. */
export function moveToTrash(ctx: CoreContext, kind: repo.TrashKind, ids: readonly number[]): number {
  const unique = [...new Set(ids)];
  return ctx.db
    .transaction(() => {
      const live = repo.countLive(ctx.db, kind, unique);
      if (live !== unique.length) throw missing(kind, unique.length - live, 'may already have been deleted');
      return repo.moveToTrash(ctx.db, kind, unique, ctx.now());
    })
    .immediate();
}

export function listTrash(ctx: CoreContext): TrashList {
  const retentionDays = retention(ctx);
  return {
    retentionDays,
    items: repo.listTrash(ctx.db).map((row) => ({ ...row, expiresAt: new Date(Date.parse(row.trashedAt) + retentionDays * DAY_MS).toISOString() })),
  };
}

export function restore(ctx: CoreContext, items: readonly ItemRef[]): { restored: number } {
  const { notes, articles } = split(items);
  const restored = ctx.db
    .transaction(() => {
      assertInTrash(ctx, notes, articles);
      return { restored: repo.restoreFromTrash(ctx.db, 'note', notes) + repo.restoreFromTrash(ctx.db, 'article', articles) };
    })
    .immediate();
  if (articles.length > 0) emitChange(ctx, { type: 'articles.changed', articleIds: articles });
  if (notes.length > 0) emitChange(ctx, { type: 'notes.changed', noteIds: notes, change: 'created' });
  return restored;
}

/** Deletes items that are in the trash for good; an item that is not in the trash is refused, with nothing deleted. */
export function deletePermanently(ctx: CoreContext, items: readonly ItemRef[]): { deleted: number } {
  const { notes, articles } = split(items);
  return { deleted: scrub(ctx, notes, articles, () => assertInTrash(ctx, notes, articles)) };
}

export function emptyTrash(ctx: CoreContext): { deleted: number } {
  return { deleted: scrub(ctx, repo.allTrashed(ctx.db, 'note'), repo.allTrashed(ctx.db, 'article')) };
}

/** Deletes for good what has been in the trash longer than the retention period; run at startup and while the app is open. */
export function emptyExpiredTrash(ctx: CoreContext): { deleted: number } {
  const cutoff = new Date(Date.parse(ctx.now()) - retention(ctx) * DAY_MS).toISOString();
  return { deleted: scrub(ctx, repo.trashedBefore(ctx.db, 'note', cutoff), repo.trashedBefore(ctx.db, 'article', cutoff)) };
}

/** Reads, or sets, the retention period; a shorter one empties what is now past it at once. */
export function trashSettings(ctx: CoreContext, retentionDays?: number): { retentionDays: number; deleted: number } {
  if (retentionDays !== undefined) setSetting(ctx.db, RETENTION_KEY, String(retentionDays));
  const { deleted } = retentionDays === undefined ? { deleted: 0 } : emptyExpiredTrash(ctx);
  return { retentionDays: retention(ctx), deleted };
}

function retention(ctx: CoreContext): number {
  const stored = Number(getSetting(ctx.db, RETENTION_KEY));
  return Number.isInteger(stored) && stored > 0 ? stored : DEFAULT_TRASH_RETENTION_DAYS;
}

function scrub(ctx: CoreContext, notes: number[], articles: number[], check?: () => void): number {
  if (notes.length === 0 && articles.length === 0) return 0;
  const kinds = [...(notes.length > 0 ? (['note'] as const) : []), ...(articles.length > 0 ? (['article'] as const) : [])];
  const deleted = deleteAndScrub(ctx, kinds, () => {
    check?.();
    return repo.deleteTrashedNotes(ctx.db, notes) + repo.deleteTrashedArticles(ctx.db, articles);
  });
  // Open notes quoting these sources flip from "source in trash" to "source deleted" without a reload.
  if (articles.length > 0) emitChange(ctx, { type: 'articles.deleted', articleIds: articles });
  if (notes.length > 0) emitChange(ctx, { type: 'notes.changed', noteIds: notes, change: 'deleted' });
  return deleted;
}

function split(items: readonly ItemRef[]): { notes: number[]; articles: number[] } {
  const unique = distinctItems(items);
  return { notes: unique.filter((i) => i.type === 'note').map((i) => i.id), articles: unique.filter((i) => i.type === 'article').map((i) => i.id) };
}

function assertInTrash(ctx: CoreContext, notes: number[], articles: number[]): void {
  const notIn = notes.length - repo.countTrashed(ctx.db, 'note', notes) + articles.length - repo.countTrashed(ctx.db, 'article', articles);
  if (notIn > 0) {
    throw new DossierError('not_found', `${notIn === 1 ? 'One item is' : `${notIn} items are`} not in the trash (restored or deleted meanwhile?). Nothing was changed.`);
  }
}

function missing(kind: repo.TrashKind, count: number, why: string): DossierError {
  const noun = kind === 'note' ? 'note' : 'article';
  return new DossierError('not_found', `${count === 1 ? `One ${noun} does` : `${count} ${noun}s do`} not exist (${why}). Nothing was changed.`);
}

/**
 * Empties the expired part of the trash now and then every `periodMs` while
 * the core is open (unref'd, so it never keeps a CLI process alive). A
 * damaged or read-only library is left alone.
 */
export function startTrashUpkeep(ctx: CoreContext, periodMs = 60 * 60 * 1000): { stop(): void } {
  const run = () => {
    try {
      emptyExpiredTrash(ctx);
    } catch {
      // Damaged (db_corrupt), read-only or busy: the next run, or the next start, tries again.
    }
  };
  run();
  const timer = setInterval(run, periodMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
