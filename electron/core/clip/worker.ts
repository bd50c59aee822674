import { parentPort } from 'node:worker_threads';
import { DossierError, type ErrorData } from '../../../shared/errors';
import { analyzePage, finishArticle, originalAsText, type ExtractedArticle } from './extract';
import { extractFacts } from '../facts/extract';
import type { ExtractionJob, ExtractionResults, FinishedArticle, JobRequest, JobResponse } from './workerProtocol';

/**
 * The extraction worker's entry (bundled to dist/electron/clipWorker.cjs for
 * Electron; bundled at first use elsewhere, see workerScript.ts). It runs one
 * job at a time; the pool bounds its time and heap and replaces it if it dies.
 */
const WARM_UP_PAGE = `<html><head><title>Warm-up</title></head><body><article><h1>Warm-up</h1><p>${'A sentence to read. '.repeat(40)}</p><p><a href="/x">link</a> <img src="a.png"></p></article></body></html>`;

function run(job: ExtractionJob): ExtractionResults[ExtractionJob['kind']] {
  switch (job.kind) {
    case 'analyze':
      return analyzePage(job.input);
    case 'finish':
      return withFacts(finishArticle(job.analysis, new Map(job.images)), job.analysis.metadata.publishedAt);
    case 'preview': {
      const analysis = analyzePage(job.input);
      return { article: finishArticle(analysis, null), imageCount: analysis.imageKeys.length };
    }
    case 'originalText':
      return originalAsText(job.input);
    case 'facts':
      return extractFacts(job.text, { publishedAt: job.publishedAt });
  }
}

/** Facts ride along with the finished article; their failure never fails the clip (the backfill retries). */
function withFacts(article: ExtractedArticle, publishedAt: string | null): FinishedArticle {
  try {
    return { ...article, facts: extractFacts(article.text, { publishedAt }), factsError: null };
  } catch (error) {
    return { ...article, facts: null, factsError: (error as Error)?.message ?? String(error) };
  }
}

function asErrorData(error: unknown): ErrorData {
  if (error instanceof DossierError) return error.toData();
  if (error instanceof RangeError) return { code: 'too_large', message: `The page is too complex to extract (${error.message}).` };
  return { code: 'internal', message: `Extraction failed: ${(error as Error)?.message ?? String(error)}` };
}

const port = parentPort;
if (!port) throw new Error('clip worker: must run as a worker thread');
port.on('message', ({ id, job }: JobRequest) => {
  let response: JobResponse;
  try {
    response = { id, ok: true, value: run(job) };
  } catch (error) {
    response = { id, ok: false, error: asErrorData(error) };
  }
  port.postMessage(response);
});
// Loading the modules and the parsers' lazy set-up (jsdom's first window, the first JIT) take a
// moment: done here once, on a tiny page, so the pool counts a page's time only for its own work.
try {
  run({ kind: 'preview', input: { bytes: new TextEncoder().encode(WARM_UP_PAGE), filename: 'warm-up.html' } });
} catch {
  // A failed warm-up only means the first real page pays the set-up.
}
port.postMessage({ ready: true });
