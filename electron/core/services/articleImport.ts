import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import * as articles from '../../../db/repositories/articles';
import { addProjectItems } from '../../../db/repositories/projects';
import type { ImportFilesResult } from '../../../shared/contract/domains/import';
import { DossierError } from '../../../shared/errors';
import { clipPaths } from './clip';
import type { CoreContext } from '../context';
import { reanchorArticle } from './passages';
import { findProject } from './projects';
import { parseTextFile } from './articleImportParse';
import { countWords } from '../../../shared/clip/normalizedText';
import { MAX_PAGE_BYTES } from '../../../shared/limits';
import { sha256Hex } from '../../../db/sha256';

/**
 * IMPORT: a folder (or files) of plain text and Markdown, the way a
 * journalist brings an existing archive into Dossier (`dossier import`,
 * channel import.files). Web pages (.html .htm .html.gz) found along the way
 * go through the clipper, one by one, with its full extraction.
 *
 * Text and Markdown files are stored by the same repository functions as
 * clips (insertArticle / insertVersion: packed bodies, SHA-256s, the original
 * bytes), with the clipper's re-clip rules (same canonical URL or same clean
 * text → new version or unchanged; passages re-anchored), many files per
 * transaction, so a 10,000-file import is a few quick writes and the search
 * triggers index each article as it is stored.
 *
 * What a text import does NOT do: render Markdown inline syntax (emphasis,
 * links, lists stay as typed; `#` headings become headings). Its HTML is
 * built from escaped text, so nothing in a file can become markup.
 */
export interface PlainTextArticle {
  title: string;
  text: string;
  byline?: string | null;
  siteName?: string | null;
  canonicalUrl?: string | null;
  /** ISO date or timestamp, when the source states one. */
  publishedAt?: string | null;
  /** File path or other origin, recorded as the version's source_location. */
  sourceLocation?: string | null;
  /** The bytes as read (a file); the UTF-8 of `text` otherwise. */
  original?: Uint8Array;
  /** Indexes of the blocks of `text` that are headings (from Markdown); the others are paragraphs. */
  headings?: ReadonlySet<number>;
  /** `text` already split by textBlocks (a parsed file), to save splitting it again. */
  blocks?: readonly string[];
}

export interface ImportOutcome {
  /** One entry per input, in order. */
  results: Array<{ articleId: number; status: 'created' | 'new_version' | 'unchanged' }>;
}

export const EXTRACTOR_VERSION = 'dossier-import/1 (plain text and Markdown)';
const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md', '.markdown', '.mdown']);
const PAGE_PATTERN = /\.(html?|html?\.gz)$/i;
/** Files stored per transaction: big enough to amortise the commit, small enough to keep memory flat. */
const BATCH = 2_000;

/** Imports all articles in one transaction: either every one is stored, or none is. */
export function importPlainTextArticles(ctx: CoreContext, list: readonly PlainTextArticle[]): ImportOutcome {
  for (const article of list) {
    if (article.title.trim() === '') throw new DossierError('invalid_input', 'Every imported article needs a title. Nothing was imported.');
  }
  return ctx.db.transaction((): ImportOutcome => ({ results: list.map((article) => storeOne(ctx, article, ctx.now(), false)) })).immediate();
}

/**
 * `sameTextIsSameArticle`: a file without a URL whose text is already in the library is that article (importing
 * a folder twice changes nothing). Articles with different URLs stay apart even with the same text (wire copy
 * run by two outlets).
 */
function storeOne(ctx: CoreContext, article: PlainTextArticle, now: string, sameTextIsSameArticle: boolean): ImportOutcome['results'][number] {
  const db = ctx.db;
  const blocks = article.blocks ?? textBlocks(article.text);
  const contentText = blocks.join('\n\n');
  const textSha256 = sha256Hex(contentText);
  const original = article.original ?? Buffer.from(article.text, 'utf8');
  const byline = article.byline?.trim() || null;
  const values: articles.ArticleMetadataValues = {
    title: article.title.trim(),
    byline,
    authors: byline ? [byline] : [],
    siteName: article.siteName?.trim() || null,
    publishedAt: article.publishedAt ?? null,
    modifiedAt: null,
    canonicalUrl: article.canonicalUrl?.trim() || null,
    lang: null,
    excerpt: excerptOf(contentText),
    leadImageSha256: null,
    fieldStatus: {
      title: 'found',
      authors: byline ? 'found' : 'missing',
      siteName: article.siteName ? 'found' : 'missing',
      publishedAt: article.publishedAt ? 'found' : 'missing',
      canonicalUrl: article.canonicalUrl ? 'found' : 'missing',
      excerpt: contentText ? 'found' : 'missing',
    },
  };

  const existingId = values.canonicalUrl
    ? articles.findArticleForReclip(db, values.canonicalUrl, '')
    : sameTextIsSameArticle
      ? articles.findArticleForReclip(db, null, textSha256)
      : undefined;
  const latest = existingId === undefined ? undefined : articles.latestVersionOf(db, existingId);
  if (existingId !== undefined && latest?.textSha256 === textSha256) return { articleId: existingId, status: 'unchanged' };
  const articleId = existingId ?? articles.insertArticle(db, values, now);
  const version = articles.insertVersion(db, {
    articleId,
    clippedAt: now,
    sourceKind: article.sourceLocation ? 'file' : 'paste',
    sourceLocation: article.sourceLocation ?? null,
    httpStatus: null,
    httpHeaders: null,
    original,
    contentHtml: blocks.map((b, i) => (article.headings?.has(i) ? `<h2>${escapeHtml(b)}</h2>` : `<p>${escapeHtml(b)}</p>`)).join('\n'),
    contentText,
    textSha256,
    wordCount: countWords(contentText),
    extractorVersion: EXTRACTOR_VERSION,
    warnings: [],
    // What the file stated (the excerpt and statuses are derived, and on the article).
    metadata: { format: 'text', title: values.title, byline, siteName: values.siteName, publishedAt: values.publishedAt, canonicalUrl: values.canonicalUrl },
    assets: [],
  });
  if (existingId === undefined || !latest) return { articleId, status: 'created' };
  articles.refreshArticleMetadata(db, articleId, values, now);
  reanchorArticle(db, articleId, version.id);
  return { articleId, status: 'new_version' };
}

export interface ImportFilesOptions {
  /** Adds every imported article to this project (which must exist). */
  project?: string;
}

/**
 * Imports files and folders (recursively). Each file gets one outcome; a file
 * that cannot be read or parsed is reported and the others are still
 * imported. Text files are stored BATCH per transaction; a batch is all or
 * nothing.
 */
export async function importFiles(ctx: CoreContext, paths: readonly string[], options: ImportFilesOptions = {}): Promise<ImportFilesResult> {
  const projectId = options.project === undefined ? undefined : findProject(ctx, options.project).id;
  const result: ImportFilesResult = { created: 0, newVersions: 0, unchanged: 0, failed: [], articleIds: [] };
  const record = (articleId: number, status: 'created' | 'new_version' | 'unchanged') => {
    if (status === 'created') result.created++;
    else if (status === 'new_version') result.newVersions++;
    else result.unchanged++;
    result.articleIds.push(articleId);
  };
  const attach = (ids: number[]) => {
    if (projectId !== undefined && ids.length) addProjectItems(ctx.db, projectId, ids.map((id) => ({ type: 'article' as const, id })), ctx.now());
  };

  const { texts, pages, failed } = await collectFiles(paths);
  result.failed.push(...failed);
  for (let i = 0; i < texts.length; i += BATCH) {
    const batch: PlainTextArticle[] = [];
    const read = await inParallel(texts.slice(i, i + BATCH), READ_CONCURRENCY, (path) => readTextArticle(path));
    for (const outcome of read) {
      if ('article' in outcome) batch.push(outcome.article);
      else result.failed.push({ path: outcome.item, error: messageOf(outcome.error) });
    }
    const stored = ctx.db
      .transaction(() => {
        const now = ctx.now();
        const outcomes = batch.map((article) => storeOne(ctx, article, now, true));
        attach(outcomes.map((o) => o.articleId));
        return outcomes;
      })
      .immediate();
    for (const outcome of stored) record(outcome.articleId, outcome.status);
  }
  for (const clip of pages.length ? await clipPaths(ctx, pages) : []) {
    if (clip.status === 'failed' || clip.articleId === null) result.failed.push({ path: clip.input, error: clip.error ?? 'not clipped' });
    else {
      record(clip.articleId, clip.status === 'clipped' ? 'created' : clip.status === 'new-version' ? 'new_version' : 'unchanged');
      attach([clip.articleId]);
    }
  }
  return result;
}

/** Files read at once: keeps the disk busy while each file is parsed, without opening thousands of handles. */
const READ_CONCURRENCY = 16;

/** Runs `work` over the items with at most `limit` in flight; outcomes in input order. */
async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<Array<{ article: R } | { item: T; error: unknown }>> {
  const outcomes: Array<{ article: R } | { item: T; error: unknown }> = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      const item = items[index]!;
      try {
        outcomes[index] = { article: await work(item) };
      } catch (error) {
        outcomes[index] = { item, error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return outcomes;
}

async function readTextArticle(path: string): Promise<PlainTextArticle> {
  const bytes = await readFile(path);
  if (bytes.length > MAX_PAGE_BYTES) throw new DossierError('too_large', `${(bytes.length / 1024 / 1024).toFixed(1)} MB is over the ${MAX_PAGE_BYTES / 1024 / 1024} MB limit.`);
  return { ...parseTextFile(bytes, basename(path)), sourceLocation: path, original: bytes };
}

async function collectFiles(paths: readonly string[]): Promise<{ texts: string[]; pages: string[]; failed: ImportFilesResult['failed'] }> {
  const texts: string[] = [];
  const pages: string[] = [];
  const failed: ImportFilesResult['failed'] = [];
  const visit = async (path: string, named: boolean): Promise<void> => {
    const info = await stat(path).catch(() => null);
    if (!info) {
      failed.push({ path, error: 'No such file or folder.' });
      return;
    }
    if (info.isDirectory()) {
      const entries = (await readdir(path)).filter((name) => !name.startsWith('.')).sort();
      for (const name of entries) await visit(join(path, name), false);
      return;
    }
    if (!info.isFile()) return;
    if (TEXT_EXTENSIONS.has(extname(path).toLowerCase())) texts.push(path);
    else if (PAGE_PATTERN.test(path)) pages.push(path);
    // Inside a folder, other files (images beside a saved page, notes to self) are skipped silently; named ones are refused.
    else if (named) failed.push({ path, error: 'Dossier imports text (.txt, .md) and saved web pages (.html, .htm, .html.gz).' });
  };
  for (const path of paths) await visit(path, true);
  return { texts, pages, failed };
}

/** Paragraphs of plain text: NFC, one line each (soft line breaks become spaces), no empty blocks. */
export function textBlocks(text: string): string[] {
  return (isAscii(text) ? text : text.normalize('NFC'))
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((block) => block.replace(/[ \t\n\f\v]+/g, ' ').trim())
    .filter((block) => block.length > 0);
}

/** ASCII text is already NFC and has no letters beyond A–Z: the cheap paths are exact for it. */
function isAscii(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(text);
}

function excerptOf(text: string): string {
  const head = text.slice(0, 300);
  return text.length > 300 ? `${head.replace(/\s+\S*$/u, '')}…` : head;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function messageOf(error: unknown): string {
  return error instanceof DossierError ? error.message : error instanceof Error ? error.message : String(error);
}
