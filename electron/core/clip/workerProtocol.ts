import type { ErrorData } from '../../../shared/errors';
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
  | { kind: 'originalText'; input: ClipInput };

export interface ExtractionResults {
  analyze: PageAnalysis;
  finish: ExtractedArticle;
  preview: { article: ExtractedArticle; imageCount: number };
  originalText: string;
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
