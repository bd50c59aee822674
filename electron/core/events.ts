import type { ChangeEvent } from '../../shared/contract/events';
import { passageStatusesOfArticle } from '../../db/repositories/changes';
import type { CoreContext } from './context';

export type ChangeListener = (event: ChangeEvent) => void;

/**
 * The core's one change emitter. Services emit AFTER their transaction
 * committed (an event for a write that rolled back would make windows show
 * what is not stored). A listener that throws is isolated: a broken transport
 * must not fail the write that was already acknowledged.
 */
export class ChangeEvents {
  private readonly listeners = new Set<ChangeListener>();

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** How many listeners are attached (a transport that disconnects must leave none behind). */
  get listenerCount(): number {
    return this.listeners.size;
  }

  emit(event: ChangeEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        console.error('[dossier] a change-event listener failed:', error);
      }
    }
  }
}

/** Distributes an event without the `origin` (every in-process write is `core`); a context without an emitter drops it. */
export function emitChange(ctx: CoreContext, event: DistributiveOmit<ChangeEvent, 'origin'>): void {
  const events = ctx.events;
  if (!events) return;
  const full = { ...event, origin: 'core' } as ChangeEvent;
  // Called inside an outer transaction (a save inside quoteIntoNote): go out once it has committed,
  // which a synchronous transaction does before any queued microtask runs.
  if (ctx.db.inTransaction) queueMicrotask(() => events.emit(full));
  else events.emit(full);
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** `return announced(ctx, event, db.transaction(...)())`: the write commits first (the argument), then the event goes out. */
export function announced<T>(ctx: CoreContext, event: DistributiveOmit<ChangeEvent, 'origin'>, committed: T): T {
  emitChange(ctx, event);
  return committed;
}

/** After a re-clip committed: the new version, then where each passage of the article now stands. */
export function announceReclip(ctx: CoreContext, articleId: number, versionId: number, previousVersionId: number): void {
  if (!ctx.events) return;
  emitChange(ctx, { type: 'article.reclipped', articleId, versionId, previousVersionId });
  const passages = passageStatusesOfArticle(ctx.db, articleId);
  if (passages.length > 0) emitChange(ctx, { type: 'passages.changed', passages });
}
