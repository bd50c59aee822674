/**
 * Debounced, serialized saving of note edits.
 *
 * - A job is scheduled under a key (e.g. "content:12") with a closure that
 *   already captured the note id and the data: whatever note is open when the
 *   timer fires, the write goes where the keystroke happened.
 * - Jobs run one at a time, in order, so an older save can never land after a
 *   newer one.
 * - "saved" is reported for a note only when nothing is pending or running for
 *   it and its last write succeeded — i.e. after the transaction committed.
 * - A failed job is kept (unless a newer edit replaced it) and retried on the
 *   next flush; its note shows "error" until then.
 */
export type SaveStatus = 'saved' | 'pending' | 'saving' | 'error';

export interface SaveJob {
  key: string;
  noteId: number;
  run: () => Promise<void>;
}

interface Queued {
  job: SaveJob;
  started: boolean;
}

interface Pending {
  job: SaveJob;
  timer: ReturnType<typeof setTimeout> | undefined;
}

export class Autosaver {
  private readonly pending = new Map<string, Pending>();
  private readonly running = new Map<number, number>();
  private readonly failed = new Map<number, unknown>();
  private readonly listeners = new Set<() => void>();
  /** Writes handed to the chain that have not started yet. */
  private readonly queued = new Set<Queued>();
  /** Writes whose request has started and not yet finished. */
  private readonly inFlight = new Set<Queued>();
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly delayMs = 300,
    private readonly onError: (error: unknown, job: SaveJob) => void = () => {},
  ) {}

  schedule(job: SaveJob): void {
    const previous = this.pending.get(job.key);
    if (previous?.timer !== undefined) clearTimeout(previous.timer);
    this.pending.set(job.key, { job, timer: setTimeout(() => void this.start(job.key), this.delayMs) });
    this.emit();
  }

  /** Starts every pending job now and resolves when all queued work has finished. */
  flushAll(): Promise<void> {
    for (const key of [...this.pending.keys()]) void this.start(key);
    return this.chain;
  }

  flushNote(noteId: number): Promise<void> {
    for (const [key, { job }] of [...this.pending]) if (job.noteId === noteId) void this.start(key);
    return this.chain;
  }

  /** Drops unsaved edits of a note that is being deleted. */
  discardNote(noteId: number): void {
    for (const [key, { job, timer }] of [...this.pending]) {
      if (job.noteId !== noteId) continue;
      if (timer !== undefined) clearTimeout(timer);
      this.pending.delete(key);
    }
    this.failed.delete(noteId);
    this.emit();
  }

  statusOf(noteId: number): SaveStatus {
    if ((this.running.get(noteId) ?? 0) > 0) return 'saving';
    if (this.failed.has(noteId)) return 'error';
    for (const { job } of this.pending.values()) if (job.noteId === noteId) return 'pending';
    return 'saved';
  }

  hasUnsavedWork(): boolean {
    return this.pending.size > 0 || this.running.size > 0;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * For a page that is being torn down (a browser tab closing): the newest
   * write of every key — pending, queued behind another request, or already
   * in flight — is sent at once, in parallel. Queued writes would wait behind
   * a request the page will not live to see finish, and a request started
   * before the unload (without keepalive) may be cancelled by it, so the
   * newest write per key is (re)sent now; older queued writes of the same key
   * are dropped, so nothing older can land after it. Re-sending a write is
   * harmless: it stores the same content again. (Electron awaits flushAll()
   * before closing a window and never needs this.)
   */
  flushAllNow(): Promise<void> {
    for (const key of [...this.pending.keys()]) void this.start(key);
    const newest = new Map<string, Queued>();
    for (const entry of this.inFlight) newest.set(entry.job.key, entry);
    for (const entry of this.queued) newest.set(entry.job.key, entry);
    const runs: Array<Promise<void>> = [];
    for (const entry of [...this.queued]) {
      if (newest.get(entry.job.key) !== entry) runs.push(this.runOnce(entry, { superseded: true }));
    }
    for (const entry of newest.values()) {
      runs.push(entry.started ? entry.job.run().catch((error: unknown) => this.onError(error, entry.job)) : this.runOnce(entry));
    }
    return Promise.all(runs).then(() => undefined);
  }

  private start(key: string): Promise<void> {
    const entry = this.pending.get(key);
    if (!entry) return this.chain;
    if (entry.timer !== undefined) clearTimeout(entry.timer);
    this.pending.delete(key);
    const { job } = entry;
    this.running.set(job.noteId, (this.running.get(job.noteId) ?? 0) + 1);
    this.emit();
    const queued: Queued = { job, started: false };
    this.queued.add(queued);
    this.chain = this.chain.then(() => this.runOnce(queued));
    return this.chain;
  }

  /** Runs a queued write unless flushAllNow() already did (or dropped it for a newer one). */
  private async runOnce(queued: Queued, { superseded = false } = {}): Promise<void> {
    if (queued.started) return;
    queued.started = true;
    this.queued.delete(queued);
    const { job } = queued;
    this.inFlight.add(queued);
    try {
      if (!superseded) await job.run();
      this.failed.delete(job.noteId);
    } catch (error) {
      this.failed.set(job.noteId, error);
      // Keep the failed edit for the next flush unless a newer edit already replaced it.
      if (!this.pending.has(job.key)) this.pending.set(job.key, { job, timer: undefined });
      this.onError(error, job);
    } finally {
      this.inFlight.delete(queued);
      const left = (this.running.get(job.noteId) ?? 1) - 1;
      if (left > 0) this.running.set(job.noteId, left);
      else this.running.delete(job.noteId);
      this.emit();
    }
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
