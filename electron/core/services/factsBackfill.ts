import * as factsRepo from '../../../db/repositories/facts';
import type { ExtractedFacts } from '../../../shared/domain/facts';
import type { BackfillStatus } from '../../../shared/domain/storedFacts';
import { extractionPool } from '../clip/extractionPool';
import type { CoreContext } from '../context';
import { FACTS_EXTRACTOR_VERSION } from '../facts/version';
import { storeVersionFacts } from './facts';

/**
 * Facts for libraries clipped before facts existed (issue #13): a background
 * job over the latest versions that have no fact run yet, in chunks.
 *
 * Extraction runs on the worker pool (never on the thread that answers the
 * app); this thread only reads a chunk (one short read), waits for the
 * workers, then stores the chunk in one short transaction. No transaction is
 * ever open across an await, and the loop yields between chunks, so
 * notes.list and the rest keep answering while it runs.
 *
 * Each run records the extractor's version (FACTS_EXTRACTOR_VERSION): a run by
 * an older extractor counts as missing, so a new extractor re-extracts it.
 *
 * A version whose extraction fails gets a fact run with its error and no
 * facts, so the job never loops on it; a version deleted or re-clipped in the
 * meantime is skipped (a re-clip extracts its own facts).
 */
export type FactsExtractor = (text: string, publishedAt: string | null) => Promise<ExtractedFacts>;

export interface BackfillOptions {
  /** Default: the worker pool's facts job. Tests hand in their own. */
  extractor?: FactsExtractor;
  /** Versions read, extracted and stored per chunk. */
  chunkSize?: number;
  /** Extractions in flight at once (default: the pool's size). */
  concurrency?: number;
  /** The extractor's version (default FACTS_EXTRACTOR_VERSION): runs by an older one are redone. */
  extractorVersion?: number;
}

interface Job {
  status: BackfillStatus;
  stopped: boolean;
  done: Promise<BackfillStatus>;
}

const jobs = new WeakMap<CoreContext, Job>();

const IDLE: BackfillStatus = { state: 'idle', done: 0, total: 0, failed: 0, startedAt: null, finishedAt: null, error: null };

export function factsBackfillStatus(ctx: CoreContext): BackfillStatus {
  return { ...(jobs.get(ctx)?.status ?? IDLE) };
}

/** Starts the backfill unless one is running; returns its status at once. */
export function startFactsBackfill(ctx: CoreContext, options: BackfillOptions = {}): BackfillStatus {
  const running = jobs.get(ctx);
  if (running && running.status.state === 'running') return factsBackfillStatus(ctx);
  const status: BackfillStatus = { state: 'running', done: 0, total: factsRepo.countVersionsWithoutFacts(ctx.db, options.extractorVersion ?? FACTS_EXTRACTOR_VERSION), failed: 0, startedAt: ctx.now(), finishedAt: null, error: null };
  const job: Job = { status, stopped: false, done: Promise.resolve(status) };
  jobs.set(ctx, job);
  job.done = run(ctx, job, options).then(
    () => finish(ctx, job, 'done', null),
    (error: unknown) => finish(ctx, job, job.stopped ? 'idle' : 'failed', (error as Error)?.message ?? String(error)),
  );
  return factsBackfillStatus(ctx);
}

/** Resolves when the current run ends (tests, the bench). */
export function backfillFinished(ctx: CoreContext): Promise<BackfillStatus> {
  return jobs.get(ctx)?.done ?? Promise.resolve(factsBackfillStatus(ctx));
}

/** Stops after the chunk in flight (closing the library). */
export function stopFactsBackfill(ctx: CoreContext): void {
  const job = jobs.get(ctx);
  if (job) job.stopped = true;
}

function finish(ctx: CoreContext, job: Job, state: BackfillStatus['state'], error: string | null): BackfillStatus {
  let finishedAt: string | null = null;
  try {
    finishedAt = ctx.now();
  } catch {
    // A closed library still ends its job.
  }
  job.status = { ...job.status, state, finishedAt, error };
  return { ...job.status };
}

type Extracted = { item: factsRepo.VersionWithoutFacts; facts: ExtractedFacts | null; error: string | null };

async function run(ctx: CoreContext, job: Job, options: BackfillOptions): Promise<void> {
  const pool = options.extractor ? undefined : extractionPool();
  const extractor: FactsExtractor = options.extractor ?? ((text, publishedAt) => pool!.facts(text, publishedAt));
  const chunkSize = options.chunkSize ?? 16;
  const concurrency = Math.max(1, options.concurrency ?? pool?.size ?? 2);
  const extractorVersion = options.extractorVersion ?? FACTS_EXTRACTOR_VERSION;
  const extractChunk = (chunk: factsRepo.VersionWithoutFacts[]) =>
    mapLimited(chunk, concurrency, async (item): Promise<Extracted> => {
      try {
        return { item, facts: await extractor(item.text, item.publishedAt), error: null };
      } catch (error) {
        return { item, facts: null, error: (error as Error)?.message ?? String(error) };
      }
    });
  // One chunk ahead: the workers extract the next chunk while this thread stores the current one, so neither
  // waits for the other (the stored results are the same; only the overlap changes).
  let chunk = factsRepo.versionsWithoutFacts(ctx.db, chunkSize, 0, extractorVersion);
  let extracting = chunk.length ? extractChunk(chunk) : null;
  while (!job.stopped && extracting) {
    const next = factsRepo.versionsWithoutFacts(ctx.db, chunkSize, chunk.at(-1)!.articleId, extractorVersion);
    const nextExtracting = next.length ? extractChunk(next) : null;
    const results = await extracting;
    if (job.stopped) return;
    const now = ctx.now();
    ctx.db.transaction(() => {
      for (const { item, facts, error } of results) {
        try {
          storeVersionFacts(ctx.db, { versionId: item.versionId, text: item.text, facts: facts ?? { quotes: [], entities: [], figures: [], dates: [] }, now, error, extractorVersion });
          if (error) job.status.failed += 1;
        } catch {
          // Deleted since it was read: nothing to store.
        }
        job.status.done += 1;
      }
    })();
    chunk = next;
    extracting = nextExtracting;
    // Let queued calls (the app's) run before the next chunk.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
