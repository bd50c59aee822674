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

interface Pending {
  job: SaveJob;
  timer: ReturnType<typeof setTimeout> | undefined;
}

export class Autosaver {
  private readonly pending = new Map<string, Pending>();
  private readonly running = new Map<number, number>();
  private readonly failed = new Map<number, unknown>();
  private readonly listeners = new Set<() => void>();
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

  private start(key: string): Promise<void> {
    const entry = this.pending.get(key);
    if (!entry) return this.chain;
    if (entry.timer !== undefined) clearTimeout(entry.timer);
    this.pending.delete(key);
    const { job } = entry;
    this.running.set(job.noteId, (this.running.get(job.noteId) ?? 0) + 1);
    this.emit();
    this.chain = this.chain.then(async () => {
      try {
        await job.run();
        this.failed.delete(job.noteId);
      } catch (error) {
        this.failed.set(job.noteId, error);
        // Keep the failed edit for the next flush unless a newer edit already replaced it.
        if (!this.pending.has(job.key)) this.pending.set(job.key, { job, timer: undefined });
        this.onError(error, job);
      } finally {
        const left = (this.running.get(job.noteId) ?? 1) - 1;
        if (left > 0) this.running.set(job.noteId, left);
        else this.running.delete(job.noteId);
        this.emit();
      }
    });
    return this.chain;
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
