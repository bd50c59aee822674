import type { ErrorData } from '../../../shared/errors';
import type { ExtractedFacts } from '../../../shared/domain/facts';
import type { ClipInput, ExtractedArticle, PageAnalysis } from './extract';

/**
 * The messages between the clip service and an extraction worker. Every job is
 * stateless (any worker of the pool can take it) and every value is plain data
 * (structured-cloned across the thread boundary).
 */
export type ExtractionJob =
  /** Decode, parse, metadata, Readability: the CPU-heavy part of a clip. */
  | { kind: 'analyze'; input: ClipInput }
  /** Sanitize (DOMPurify on jsdom) and normalize, once the caller has stored what images it could (key → sha256). */
  | { kind: 'finish'; analysis: PageAnalysis; images: [string, string][] }
  /** Both, for a preview (images are not stored, so none are kept). */
  | { kind: 'preview'; input: ClipInput }
  /** The original page as plain text ("view original as text"). */
  | { kind: 'originalText'; input: ClipInput }
  /** Facts of a stored version's clean text (the backfill of libraries clipped before facts). */
  | { kind: 'facts'; text: string; publishedAt: string | null };

/**
 * A finished article with its facts (issue #13), extracted on the same worker
 * from the same clean text. facts is null when their extraction failed: the
 * clip is stored anyway and the backfill tries again (factsError says why).
 */
export type FinishedArticle = ExtractedArticle & { facts: ExtractedFacts | null; factsError: string | null };

export interface ExtractionResults {
  analyze: PageAnalysis;
  finish: FinishedArticle;
  preview: { article: ExtractedArticle; imageCount: number };
  originalText: string;
  facts: ExtractedFacts;
}

export interface JobRequest {
  id: number;
  job: ExtractionJob;
}

export type JobResponse = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: ErrorData };

/** The worker's first message: its modules are loaded and it takes jobs. */
export interface WorkerReady {
  ready: true;
}
