import { readFile, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import * as articles from '../../../db/repositories/articles';
import type { ClipPreview, ClipResult, PendingClipInfo } from '../../../shared/contract/domains/clip';
import { DossierError } from '../../../shared/errors';
import { decodeBytes } from '../clip/decode';
import { displayTitleFor, EXTRACTOR_VERSION, type ClipFormat, type ClipInput } from '../clip/extract';
import { extractionPool, type ExtractionPool } from '../clip/extractionPool';
import { fetchPage, NetworkUnavailableError, PrivateHostError, type FetchedPage, type FetchOptions } from '../clip/fetchUrl';
import { collectImages, type ImageSources } from '../clip/images';
import type { CoreContext } from '../context';
import { reanchorArticle } from './passages';
import { reanchorFacts, storeVersionFacts } from './facts';
import type { FinishedArticle } from '../clip/workerProtocol';
import { restoreFromTrash } from '../../../db/repositories/trash';
import { announceReclip, emitChange } from '../events';
import { findProject } from './projects';
import { addProjectItems } from '../../../db/repositories/projects';
import { MAX_ATTACHMENTS_PER_CLIP, MAX_IMAGE_BYTES, MAX_PAGE_BYTES } from '../../../shared/limits';

/**
 * Clipping: turns a file, pasted content or a URL into an article version,
 * stored in ONE transaction (assets, article, version, asset links, hooks), so
 * a failed clip leaves nothing behind.
 *
 * Re-clipping never duplicates and never overwrites: a clip whose canonical
 * URL or clean-text hash matches an article becomes a new version of it, or
 * 'duplicate' (nothing stored) when its text equals the latest version's.
 */

export type ClipSource =
  | { kind: 'file'; name: string; bytes: Uint8Array; path?: string | null }
  | { kind: 'paste'; content: string; format: ClipFormat }
  | { kind: 'url'; url: string }
  /**
   * A page as a browser rendered it, sent by the paired extension through the
   * connector: its HTML after scripts ran (same-origin images inlined as data:
   * URLs), the final URL and the moment of capture (kept as the version's
   * clip time, also when the capture waited in the extension's queue). Nothing
   * is fetched for it: images that are not inlined are dropped.
   */
  | { kind: 'capture'; url: string; html: string; capturedAt: string };

export interface ClipOptions {
  /** The page's original URL, when the user knows it (a saved file, a paste). */
  originalUrl?: string | null;
  /** Files dropped along with the pages (their images), by lower-case name. */
  attachments?: ReadonlyMap<string, Uint8Array>;
  /** Test seam for URL clips (the real fetch otherwise). */
  fetchOptions?: FetchOptions;
  /** Hosts the user confirmed may be on a private network (see PrivateHostError). */
  allowPrivateHosts?: readonly string[];
  /** Where extraction runs (the process-wide worker pool otherwise); tests pass a pool with tight bounds. */
  pool?: ExtractionPool;
  /** One clip only: the journalist's corrections from the preview, stored as edited in the clip's own transaction. */
  metadataEdit?: articles.MetadataEdit;
  /** One clip only: store it as a new version of this article (the journalist chose "Save as a new version of “…”"). */
  versionOf?: number;
}

function describeSource(source: ClipSource): string {
  return source.kind === 'file' ? (source.path ?? source.name) : source.kind === 'url' || source.kind === 'capture' ? source.url : 'pasted content';
}

function failed(input: string, error: unknown): ClipResult {
  const message = error instanceof DossierError ? error.message : `Unexpected error: ${(error as Error)?.message ?? String(error)}`;
  const confirm = error instanceof PrivateHostError ? { confirmHost: error.host } : {};
  return { input, status: 'failed', articleId: null, versionId: null, title: null, error: message, warnings: [], ...confirm };
}

interface Prepared {
  input: ClipInput;
  sourceKind: 'file' | 'paste' | 'url';
  sourceLocation: string | null;
  originalBytes: Uint8Array;
  fetched: FetchedPage | null;
  images: ImageSources;
  /** When the source was captured, if not now (a browser capture that waited in the extension's queue). */
  capturedAt?: string;
  metadataEdit?: articles.MetadataEdit;
  versionOf?: number;
}

async function prepare(source: ClipSource, options: ClipOptions): Promise<Prepared> {
  if (source.kind === 'file') {
    return {
      input: { bytes: source.bytes, filename: source.name, url: options.originalUrl ?? null },
      sourceKind: 'file',
      sourceLocation: source.path ?? source.name,
      originalBytes: source.bytes,
      fetched: null,
      images: { localDir: source.path ? dirname(source.path) : null, attachments: options.attachments },
    };
  }
  if (source.kind === 'paste') {
    const bytes = Buffer.from(source.content, 'utf8');
    return {
      input: { bytes, format: source.format, url: options.originalUrl ?? null, contentType: 'text/plain; charset=utf-8' },
      sourceKind: 'paste',
      sourceLocation: options.originalUrl ?? null,
      originalBytes: bytes,
      fetched: null,
      images: { attachments: options.attachments },
    };
  }
  if (source.kind === 'capture') {
    const bytes = Buffer.from(source.html, 'utf8');
    if (bytes.length > MAX_PAGE_BYTES) throw new DossierError('too_large', `The page is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; Dossier clips pages up to ${MAX_PAGE_BYTES / 1024 / 1024} MB.`);
    return {
      input: { bytes, url: source.url, contentType: 'text/html; charset=utf-8' },
      sourceKind: 'url',
      sourceLocation: source.url,
      originalBytes: bytes,
      fetched: null,
      // Only the data: URLs the page carries; never a download on the extension's behalf.
      images: {},
      capturedAt: source.capturedAt,
    };
  }
  const fetchOptions: FetchOptions = { ...options.fetchOptions, ...(options.allowPrivateHosts ? { allowPrivateHosts: options.allowPrivateHosts } : {}) };
  const fetched = await fetchPage(source.url, fetchOptions);
  const download = async (url: string): Promise<{ bytes: Uint8Array; contentType: string | null } | null> => {
    const image = await fetchPage(url, { ...fetchOptions, accept: /^image\//i, maxBytes: MAX_IMAGE_BYTES, timeoutMs: 15_000 });
    return { bytes: image.bytes, contentType: image.contentType };
  };
  return {
    input: { bytes: fetched.bytes, url: fetched.finalUrl, contentType: fetched.contentType },
    sourceKind: 'url',
    sourceLocation: fetched.finalUrl,
    originalBytes: fetched.bytes,
    fetched,
    images: { download },
  };
}

/**
 * Extraction with images stored, no database. The CPU work (parse, Readability,
 * sanitize) runs on the worker pool within one time budget for the page; this
 * thread only reads or downloads the images in between.
 */
async function extractWithImages(prepared: Prepared, pool: ExtractionPool): Promise<{ article: FinishedArticle; images: Awaited<ReturnType<typeof collectImages>>; leadImageKey: string | null }> {
  const budget = pool.budget();
  const analysis = await pool.analyze(prepared.input, budget);
  // The extractor resolves the lead image to a key (a saved page's local copy, or the web URL for online clips).
  const leadUrl = analysis.leadImageKey;
  const keys = [...analysis.imageKeys];
  if (leadUrl && (prepared.images.download || !/^https?:/i.test(leadUrl)) && !keys.includes(leadUrl)) keys.push(leadUrl);
  const images = await collectImages(keys, prepared.images);
  const shaByKey = new Map([...images].map(([key, image]) => [key, image.sha256]));
  const article = await pool.finish(analysis, shaByKey, budget);
  return { article, images, leadImageKey: leadUrl && images.has(leadUrl) ? leadUrl : null };
}

/** A source made ready to store, off the database: or why it cannot be. */
type Extracted =
  | { kind: 'ready'; input: string; prepared: Prepared; article: FinishedArticle; images: Awaited<ReturnType<typeof collectImages>>; leadImageKey: string | null }
  | { kind: 'offline'; input: string; url: string; reason: string }
  | { kind: 'failed'; result: ClipResult };

/** Reads or fetches a source and extracts it on the pool; touches no database and never throws. */
async function extractSource(source: ClipSource, options: ClipOptions): Promise<Extracted> {
  const input = describeSource(source);
  let prepared: Prepared;
  try {
    prepared = { ...(await prepare(source, options)), metadataEdit: options.metadataEdit, versionOf: options.versionOf };
  } catch (error) {
    if (error instanceof NetworkUnavailableError && source.kind === 'url') return { kind: 'offline', input, url: source.url, reason: error.message };
    return { kind: 'failed', result: failed(input, error) };
  }
  try {
    return { kind: 'ready', input, prepared, ...(await extractWithImages(prepared, options.pool ?? extractionPool())) };
  } catch (error) {
    return { kind: 'failed', result: failed(input, error) };
  }
}

/** The database part of a clip, on the thread that owns the database: one transaction. Never throws. */
function storeExtracted(ctx: CoreContext, extracted: Extracted): ClipResult {
  if (extracted.kind === 'failed') return extracted.result;
  try {
    if (extracted.kind === 'offline') {
      articles.addPendingClip(ctx.db, extracted.url, extracted.reason, ctx.now());
      return { input: extracted.input, status: 'pending', articleId: null, versionId: null, title: null, error: `${extracted.reason} The address is kept in Pending clips.`, warnings: [] };
    }
    return storeClip(ctx, extracted.prepared, extracted.article, extracted.images, extracted.leadImageKey, extracted.input);
  } catch (error) {
    return failed(extracted.input, error);
  }
}

/** Clips one source: never throws; a failure comes back as a 'failed' result with its reason. */
export async function clipSource(ctx: CoreContext, source: ClipSource, options: ClipOptions = {}): Promise<ClipResult> {
  return storeExtracted(ctx, await extractSource(source, options));
}

/**
 * Clips a batch in order, one transaction per clip, while the pool extracts
 * the next pages ahead (as many as it has workers): storing page N overlaps
 * extracting page N+1. Stores stay in input order, so a page repeated within
 * the batch is reported as the duplicate, never the first copy.
 */
async function clipInOrder(ctx: CoreContext, jobs: (() => Promise<Extracted>)[], pool: ExtractionPool): Promise<ClipResult[]> {
  const inFlight = new Map<number, Promise<Extracted>>();
  let next = 0;
  const results: ClipResult[] = [];
  for (let i = 0; i < jobs.length; i++) {
    for (; next < jobs.length && next <= i + pool.size; next++) inFlight.set(next, jobs[next]!());
    const extracted = await inFlight.get(i)!;
    inFlight.delete(i);
    results.push(storeExtracted(ctx, extracted));
  }
  return results;
}

function storeClip(
  ctx: CoreContext,
  prepared: Prepared,
  article: FinishedArticle,
  images: Awaited<ReturnType<typeof collectImages>>,
  leadImageKey: string | null,
  input: string,
): ClipResult {
  const now = ctx.now();
  const clippedAt = prepared.capturedAt ?? now;
  const meta = article.metadata;
  const leadImageSha256 = leadImageKey ? images.get(leadImageKey)!.sha256 : null;
  const values: articles.ArticleMetadataValues = {
    title: displayTitleFor(meta.title, prepared.input.filename, article.text),
    byline: meta.byline,
    authors: meta.authors,
    siteName: meta.siteName,
    publishedAt: meta.publishedAt,
    modifiedAt: meta.modifiedAt,
    canonicalUrl: meta.canonicalUrl,
    lang: meta.lang,
    excerpt: meta.excerpt,
    leadImageSha256,
    fieldStatus: { ...meta.fieldStatus, leadImage: leadImageSha256 ? 'found' : 'missing' },
  };
  const usedAssets = new Map<string, { sha256: string; originalUrl: string | null }>();
  for (const image of images.values()) {
    if (article.html.includes(`dossier-asset:${image.sha256}`) || image.sha256 === leadImageSha256) usedAssets.set(image.sha256, { sha256: image.sha256, originalUrl: image.originalUrl });
  }
  let reclippedFrom: number | undefined;
  const run = ctx.db.transaction((): ClipResult => {
    const existingId = prepared.versionOf ?? articles.findArticleForReclip(ctx.db, meta.canonicalUrl, article.textSha256);
    if (prepared.versionOf !== undefined && !articles.getArticle(ctx.db, prepared.versionOf)) {
      throw new DossierError('not_found', `The article to add this version to was deleted meanwhile (article ${prepared.versionOf}). Nothing was saved: save it as a new article instead.`);
    }
    const latest = existingId === undefined ? undefined : articles.latestVersionOf(ctx.db, existingId);
    // Clipping an article that is in the Trash again brings it back (it would otherwise stay out of sight).
    if (existingId !== undefined) restoreFromTrash(ctx.db, 'article', [existingId]);
    if (existingId !== undefined && latest && latest.textSha256 === article.textSha256) {
      return { input, status: 'duplicate', articleId: existingId, versionId: latest.id, title: values.title, error: null, warnings: article.warnings };
    }
    for (const image of images.values()) {
      if (usedAssets.has(image.sha256)) articles.insertAsset(ctx.db, image, now);
    }
    const articleId = existingId ?? articles.insertArticle(ctx.db, values, now);
    const version = articles.insertVersion(ctx.db, {
      articleId,
      clippedAt,
      sourceKind: prepared.sourceKind,
      sourceLocation: prepared.sourceLocation,
      httpStatus: prepared.fetched?.status ?? null,
      httpHeaders: prepared.fetched
        ? { ...prepared.fetched.headers, 'x-dossier-requested-url': prepared.fetched.requestedUrl }
        : prepared.capturedAt
          ? // Provenance of a browser capture: what captured it and when (the original's SHA-256 is the captured HTML's).
            { 'x-dossier-captured-by': 'browser-extension', 'x-dossier-captured-at': prepared.capturedAt, 'content-type': 'text/html; charset=utf-8' }
          : null,
      original: prepared.originalBytes,
      contentHtml: article.html,
      contentText: article.text,
      textSha256: article.textSha256,
      wordCount: article.wordCount,
      extractorVersion: EXTRACTOR_VERSION,
      warnings: article.warnings,
      metadata: { ...values, format: article.format, leadImageUrl: meta.leadImageUrl },
      assets: [...usedAssets.values()],
    });
    // The version's facts (extracted on the worker beside it) are stored with it, and the older versions'
    // facts follow the article onto the new text. Facts that failed to extract are left to the backfill.
    if (article.facts) storeVersionFacts(ctx.db, { versionId: version.id, text: article.text, facts: article.facts, now });
    else if (existingId !== undefined) reanchorFacts(ctx.db, articleId, version.id);
    if (existingId !== undefined && latest) {
      articles.refreshArticleMetadata(ctx.db, articleId, values, now);
      // Every passage of the article follows it onto the new text, in this same transaction.
      reanchorArticle(ctx.db, articleId, version.id);
      reclippedFrom = latest.id;
    }
    // The preview's corrections, after the page's own values (and a re-clip's refresh), so they win and stay marked edited.
    const edited = prepared.metadataEdit && Object.keys(prepared.metadataEdit).length > 0;
    if (edited) articles.updateArticleMetadata(ctx.db, articleId, prepared.metadataEdit!, now);
    return {
      input,
      status: existingId === undefined ? 'clipped' : 'new-version',
      articleId,
      versionId: version.id,
      title: existingId === undefined && !edited ? values.title : (articles.getArticle(ctx.db, articleId)?.title ?? values.title),
      error: null,
      warnings: article.warnings,
    };
  });
  const result = run.immediate();
  if (reclippedFrom !== undefined && result.articleId !== null && result.versionId !== null) {
    announceReclip(ctx, result.articleId, result.versionId, reclippedFrom);
  } else if (result.status === 'clipped' && result.articleId !== null) {
    emitChange(ctx, { type: 'articles.changed', articleIds: [result.articleId] });
  }
  return result;
}

/** Clips many sources one after another; each gets its own transaction and its own result. */
export async function clipMany(ctx: CoreContext, sources: ClipSource[], options: ClipOptions = {}): Promise<ClipResult[]> {
  const each = sources.length === 1 ? options : { ...options, originalUrl: null, metadataEdit: undefined, versionOf: undefined };
  return clipInOrder(ctx, sources.map((source) => () => extractSource(source, each)), options.pool ?? extractionPool());
}

async function readPathSource(path: string): Promise<ClipSource> {
  const info = await stat(path).catch(() => null);
  if (!info) throw new DossierError('not_found', `No such file: ${path}`);
  if (!info.isFile()) throw new DossierError('invalid_input', `${path} is not a file.`);
  if (info.size > MAX_PAGE_BYTES) throw new DossierError('too_large', `${path} is ${(info.size / 1024 / 1024).toFixed(1)} MB; Dossier clips pages up to ${MAX_PAGE_BYTES / 1024 / 1024} MB.`);
  return { kind: 'file', name: basename(path), bytes: await readFile(path), path };
}

/** Clips files by path (CLI, Electron's file dialog): images beside each page are read from its folder. */
export async function clipPaths(ctx: CoreContext, paths: string[], originalUrl: string | null = null, options: ClipOptions = {}): Promise<ClipResult[]> {
  const jobs = paths.map((path) => async (): Promise<Extracted> => {
    if (/^https?:\/\//i.test(path)) return extractSource({ kind: 'url', url: path }, options);
    try {
      return await extractSource(await readPathSource(path), { ...options, originalUrl: paths.length === 1 ? originalUrl : null });
    } catch (error) {
      return { kind: 'failed', result: failed(path, error) };
    }
  });
  return clipInOrder(ctx, jobs, options.pool ?? extractionPool());
}

/** The files dropped with a page, keyed by lower-case name (for images whose folder the browser cannot give). */
export function attachmentMap(attachments: { name: string; bytes: Uint8Array }[]): Map<string, Uint8Array> {
  const map = new Map<string, Uint8Array>();
  for (const file of attachments.slice(0, MAX_ATTACHMENTS_PER_CLIP)) map.set(basename(file.name.replace(/\\/g, '/')).toLowerCase(), file.bytes);
  return map;
}

/** Extracts without storing anything (the preview before saving, and `dossier clip --dry-run`). */
export async function previewSource(source: ClipSource, options: ClipOptions = {}): Promise<ClipPreview> {
  const prepared = await prepare(source, options);
  // A preview stores nothing, so images are not collected: they would have nowhere to live.
  const { article, imageCount } = await (options.pool ?? extractionPool()).preview(prepared.input);
  const meta = article.metadata;
  return {
    // The title a save would store (a text paste's first line when the page names none), so the preview shows and edits that.
    title: displayTitleFor(meta.title, prepared.input.filename, article.text),
    byline: meta.byline,
    authors: meta.authors,
    siteName: meta.siteName,
    publishedTime: meta.publishedAt,
    modifiedTime: meta.modifiedAt,
    lang: meta.lang,
    excerpt: meta.excerpt,
    url: meta.canonicalUrl,
    leadImageUrl: meta.leadImageUrl,
    text: article.text,
    html: article.html,
    wordCount: article.wordCount,
    warnings: article.warnings,
    fieldStatus: meta.fieldStatus,
    imageCount,
  };
}

/** Fetches every pending URL clip again (or only `ids`); those still unreachable stay pending. */
export async function fetchPendingClips(ctx: CoreContext, options: ClipOptions = {}, ids?: readonly number[]): Promise<ClipResult[]> {
  const results: ClipResult[] = [];
  const only = ids ? new Set(ids) : undefined;
  for (const pending of articles.listPendingClips(ctx.db, 'pending').filter((p) => !only || only.has(p.id))) {
    const result = await clipSource(ctx, { kind: 'url', url: pending.url }, options);
    if (result.status !== 'pending') {
      articles.updatePendingClip(ctx.db, pending.id, result.status === 'failed' ? 'failed' : 'done', result.error, ctx.now());
    }
    results.push(result);
  }
  return results;
}

export function listPending(ctx: CoreContext): PendingClipInfo[] {
  return articles.listPendingClips(ctx.db);
}

/** The original capture of a version as plain text ("view original as text"). */
export async function originalText(
  ctx: CoreContext,
  versionId: number,
  pool: ExtractionPool = extractionPool(),
): Promise<{ versionId: number; text: string; sourceKind: 'file' | 'paste' | 'url'; sourceLocation: string | null }> {
  const original = articles.getVersionOriginal(ctx.db, versionId);
  if (!original) throw new DossierError('not_found', `Article version ${versionId} does not exist.`);
  const { bytes } = original;
  const headers = original.httpHeadersJson ? (JSON.parse(original.httpHeadersJson) as Record<string, string>) : {};
  const name = original.sourceKind === 'file' ? original.sourceLocation : null;
  let text: string;
  try {
    // Parsing a large original is extraction-sized work: on the pool, bounded like a clip.
    text = await pool.originalText({ bytes, filename: name, contentType: headers['content-type'] ?? null });
  } catch {
    text = decodeBytes(bytes, { html: false }).text;
  }
  return { versionId, text, sourceKind: original.sourceKind, sourceLocation: original.sourceLocation };
}

/** `--project NAME`: the project is looked up before anything is clipped; each clipped article joins it. */
export function projectAttacher(ctx: CoreContext, name: string): (articleId: number) => void {
  const project = findProject(ctx, name);
  return (articleId) => {
    addProjectItems(ctx.db, project.id, [{ type: 'article', id: articleId }], ctx.now());
  };
}
