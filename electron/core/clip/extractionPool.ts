import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { DossierError, isErrorCode } from '../../../shared/errors';
import type { ClipInput, PageAnalysis } from './extract';
import type { ExtractedFacts } from '../../../shared/domain/facts';
import type { ExtractionJob, ExtractionResults, FinishedArticle, JobResponse, WorkerReady } from './workerProtocol';
import { workerScriptFromSources } from './workerScript';

/**
 * Runs page extraction (parse, Readability, metadata, sanitize) on worker
 * threads, so that a huge or pathological page never blocks the thread that
 * answers the app (Electron's main process is the IPC thread).
 *
 * Each page gets a time budget: when it runs out, its worker is terminated and
 * the page fails with a clear error. Each worker's heap is capped: a page that
 * needs more makes only its worker die (ERR_WORKER_OUT_OF_MEMORY), never the app.
 * A dead worker is replaced by a fresh one for the next job. Idle workers do not
 * keep the process alive and are stopped after a while to give their memory back.
 */
export interface ExtractionPoolOptions {
  /** Worker threads at most (default: one per spare core, 1 to 2). */
  size?: number;
  /** Time budget of one page, all its jobs together (default PAGE_TIMEOUT_MS). */
  timeoutMs?: number;
  /** Old-generation heap cap of each worker, in MB (default WORKER_HEAP_MB). */
  maxHeapMb?: number;
  /** Idle workers are stopped after this long (default 60 s). */
  idleMs?: number;
  /** The worker script: a prebuilt file (Electron), else the sources bundled at first use. */
  script?: string;
}

/** Real pages extract in well under a second; ten seconds of one core is a page that is not an article. */
export const PAGE_TIMEOUT_MS = 10_000;
/** With the main process and a small young generation, the app stays under 1 GB while extracting. */
export const WORKER_HEAP_MB = 640;
const YOUNG_GENERATION_MB = 32;
const IDLE_MS = 60_000;

export function defaultPoolSize(cores = availableParallelism()): number {
  return Math.max(1, Math.min(2, cores - 1));
}

interface Pending {
  job: ExtractionJob;
  budget: PageBudget;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  busy: Pending | undefined;
  jobId: number;
  timer: NodeJS.Timeout | undefined;
  startedAt: number;
  idleTimer: NodeJS.Timeout | undefined;
  /** Set once the slot is being replaced (timeout, crash): its late messages and exit are ignored. */
  retired: boolean;
}

/**
 * A page's extraction time, shared by its jobs (analyze, then finish). Only time
 * spent running on a worker counts: not waiting in the queue behind another
 * page, nor reading or downloading images in between.
 */
export interface PageBudget {
  remainingMs: number;
}

export class ExtractionPool {
  readonly size: number;
  readonly timeoutMs: number;
  readonly maxHeapMb: number;
  private readonly idleMs: number;
  private readonly script: string | undefined;
  private readonly slots = new Set<Slot>();
  private readonly queue: Pending[] = [];
  private nextJobId = 1;
  private starting = 0;
  private closed = false;
  /** Workers started so far (tests read it to see a replacement happen). */
  started = 0;

  constructor(options: ExtractionPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? defaultPoolSize());
    this.timeoutMs = options.timeoutMs ?? PAGE_TIMEOUT_MS;
    this.maxHeapMb = options.maxHeapMb ?? WORKER_HEAP_MB;
    this.idleMs = options.idleMs ?? IDLE_MS;
    this.script = options.script;
  }

  /** A new page budget, starting now. */
  budget(): PageBudget {
    return { remainingMs: this.timeoutMs };
  }

  analyze(input: ClipInput, budget = this.budget()): Promise<PageAnalysis> {
    return this.run({ kind: 'analyze', input }, budget);
  }

  finish(analysis: PageAnalysis, images: ReadonlyMap<string, string>, budget = this.budget()): Promise<FinishedArticle> {
    return this.run({ kind: 'finish', analysis, images: [...images] }, budget);
  }

  preview(input: ClipInput): Promise<ExtractionResults['preview']> {
    return this.run({ kind: 'preview', input }, this.budget());
  }

  originalText(input: ClipInput): Promise<string> {
    return this.run({ kind: 'originalText', input }, this.budget());
  }

  /** Facts of a stored version's text (the backfill), within a page's time budget. */
  facts(text: string, publishedAt: string | null): Promise<ExtractedFacts> {
    return this.run({ kind: 'facts', text, publishedAt }, this.budget());
  }

  run<K extends ExtractionJob['kind']>(job: Extract<ExtractionJob, { kind: K }>, budget: PageBudget): Promise<ExtractionResults[K]> {
    if (this.closed) return Promise.reject(new DossierError('internal', 'The extraction pool is closed.'));
    return new Promise((resolve, reject) => {
      this.queue.push({ job, budget, resolve: resolve as (value: unknown) => void, reject });
      this.pump();
    });
  }

  /** Stops every worker; queued and running jobs fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.reject(new DossierError('internal', 'The extraction pool was closed.'));
    await Promise.all([...this.slots].map((slot) => this.retire(slot, new DossierError('internal', 'The extraction pool was closed.'))));
  }

  private pump(): void {
    if (this.closed) return;
    for (let idle = this.idleSlot(); idle && this.queue.length > 0; idle = this.idleSlot()) this.start(idle, this.queue.shift()!);
    const wanted = Math.min(this.queue.length - this.starting, this.size - this.slots.size - this.starting);
    for (let i = 0; i < wanted; i++) {
      this.starting++;
      this.spawn().then(
        (slot) => {
          this.starting--;
          this.pump();
          if (!slot.busy) {
            slot.worker.unref();
            this.scheduleIdle(slot);
          }
        },
        (error: unknown) => {
          this.starting--;
          // The worker cannot even start (its script is missing or broken): every waiting page fails with the reason.
          for (const pending of this.queue.splice(0)) pending.reject(new DossierError('internal', `The extraction worker could not start: ${(error as Error).message}`));
        },
      );
    }
  }

  private idleSlot(): Slot | undefined {
    for (const slot of this.slots) if (!slot.busy && !slot.retired) return slot;
    return undefined;
  }

  private async spawn(): Promise<Slot> {
    const script = this.script ?? (await workerScriptFromSources());
    const worker = new Worker(script, {
      // The worker runs plain bundled CommonJS: none of the parent's loaders or flags.
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    this.started++;
    const slot: Slot = { worker, busy: undefined, jobId: 0, timer: undefined, startedAt: 0, idleTimer: undefined, retired: false };
    // The slot joins the pool once the worker has loaded its modules (start-up is not a page's time).
    await waitUntilReady(worker).catch(async (error: unknown) => {
      await worker.terminate().catch(() => undefined);
      throw error;
    });
    this.slots.add(slot);
    worker.on('message', (response: JobResponse) => this.onResponse(slot, response));
    worker.on('error', (error: Error & { code?: string }) => {
      const failure =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new DossierError('too_large', `The page needs more than ${this.maxHeapMb} MB of memory to extract; Dossier stopped and did not clip it.`)
          : new DossierError('internal', `The extraction worker crashed: ${error.message}`);
      void this.retire(slot, failure);
    });
    worker.on('exit', (code) => {
      if (!slot.retired) void this.retire(slot, new DossierError('internal', `The extraction worker stopped unexpectedly (exit code ${code}).`));
    });
    return slot;
  }

  private start(slot: Slot, pending: Pending): void {
    clearTimeout(slot.idleTimer);
    const remaining = pending.budget.remainingMs;
    if (remaining <= 0) {
      pending.reject(this.timeoutError());
      this.pump();
      return;
    }
    slot.busy = pending;
    slot.jobId = this.nextJobId++;
    slot.worker.ref();
    slot.startedAt = Date.now();
    slot.timer = setTimeout(() => void this.retire(slot, this.timeoutError()), remaining);
    slot.worker.postMessage({ id: slot.jobId, job: pending.job });
  }

  private timeoutError(): DossierError {
    return new DossierError('too_large', `Extracting the page took longer than ${this.timeoutMs / 1000} s (it is too large or too complex); Dossier stopped and did not clip it.`);
  }

  private onResponse(slot: Slot, response: JobResponse): void {
    const pending = slot.busy;
    if (slot.retired || !pending || response.id !== slot.jobId) return;
    clearTimeout(slot.timer);
    pending.budget.remainingMs -= Date.now() - slot.startedAt;
    slot.busy = undefined;
    slot.worker.unref();
    if (response.ok) pending.resolve(response.value);
    else pending.reject(new DossierError(isErrorCode(response.error.code) ? response.error.code : 'internal', response.error.message));
    this.scheduleIdle(slot);
    this.pump();
  }

  private scheduleIdle(slot: Slot): void {
    clearTimeout(slot.idleTimer);
    slot.idleTimer = setTimeout(() => {
      if (!slot.busy) void this.retire(slot);
    }, this.idleMs);
    slot.idleTimer.unref();
  }

  /** Takes a worker out of the pool (failing its job, if any) and terminates it; the next job gets a fresh worker. */
  private async retire(slot: Slot, failure?: Error): Promise<void> {
    if (slot.retired) return;
    slot.retired = true;
    this.slots.delete(slot);
    clearTimeout(slot.timer);
    clearTimeout(slot.idleTimer);
    const pending = slot.busy;
    slot.busy = undefined;
    if (pending) pending.reject(failure ?? new DossierError('internal', 'The extraction worker was stopped.'));
    this.pump();
    await slot.worker.terminate().catch(() => undefined);
  }
}

function waitUntilReady(worker: Worker): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    // Only these listeners come off afterwards: Worker keeps internal listeners of its own.
    const done = (error?: Error): void => {
      worker.off('message', onMessage).off('error', done).off('exit', onExit);
      if (error) reject(error);
      else resolve();
    };
    const onMessage = (message: WorkerReady): void => done(message.ready ? undefined : new Error('unexpected first message'));
    const onExit = (code: number): void => done(new Error(`exit code ${code}`));
    worker.on('message', onMessage).on('error', done).on('exit', onExit);
  });
}

let shared: ExtractionPool | undefined;
let sharedOptions: ExtractionPoolOptions = {};

/** The process-wide pool every clip uses (created at first use). */
export function extractionPool(): ExtractionPool {
  shared ??= new ExtractionPool(sharedOptions);
  return shared;
}

/** Sets the shared pool's options (Electron main: the prebuilt worker script). Call before the first clip. */
export function configureExtractionPool(options: ExtractionPoolOptions): void {
  sharedOptions = options;
  const previous = shared;
  shared = undefined;
  void previous?.close();
}
