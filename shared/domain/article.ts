import { z } from 'zod';
import { RowId, Timestamp } from './ids';

export const ReadingState = z.enum(['unread', 'read', 'archived']);
export type ReadingState = z.infer<typeof ReadingState>;

export const SourceKind = z.enum(['file', 'paste', 'url']);
export type SourceKind = z.infer<typeof SourceKind>;

/** Whether a metadata field came from the page, was not found, or was set by the user. */
export const FieldStatus = z.enum(['found', 'missing', 'edited']);
export type FieldStatus = z.infer<typeof FieldStatus>;

export const METADATA_FIELDS = ['title', 'authors', 'siteName', 'publishedAt', 'modifiedAt', 'canonicalUrl', 'lang', 'excerpt', 'leadImage'] as const;
export type MetadataField = (typeof METADATA_FIELDS)[number];

/** The descriptive fields an article carries at every stage: found on the page, extracted, stored, edited. */
export interface DescriptiveMetadata {
  authors: string[];
  siteName: string | null;
  publishedAt: string | null;
  modifiedAt: string | null;
  canonicalUrl: string | null;
  lang: string | null;
  excerpt: string | null;
}

export const ArticleSummarySchema = z.object({
  id: RowId,
  title: z.string(),
  byline: z.string().nullable(),
  siteName: z.string().nullable(),
  /** As precise as the page gave it: a date (YYYY-MM-DD) or an ISO datetime. */
  publishedAt: z.string().nullable(),
  canonicalUrl: z.string().nullable(),
  excerpt: z.string().nullable(),
  /** When the article was first clipped. */
  clippedAt: Timestamp,
  updatedAt: Timestamp,
  wordCount: z.number().int().nonnegative(),
  versionCount: z.number().int().positive(),
  latestVersionId: RowId,
  readingState: ReadingState,
  starred: z.boolean(),
});
export type ArticleSummary = z.infer<typeof ArticleSummarySchema>;

export const ArticleVersionSchema = z.object({
  id: RowId,
  articleId: RowId,
  versionNo: z.number().int().positive(),
  clippedAt: Timestamp,
  sourceKind: SourceKind,
  sourceLocation: z.string().nullable(),
  httpStatus: z.number().int().nullable(),
  originalSha256: z.string(),
  originalSize: z.number().int().nonnegative(),
  textSha256: z.string(),
  wordCount: z.number().int().nonnegative(),
  extractorVersion: z.string(),
  warnings: z.array(z.string()),
});
export type ArticleVersion = z.infer<typeof ArticleVersionSchema>;

export const ArticleSchema = ArticleSummarySchema.extend({
  authors: z.array(z.string()),
  modifiedAt: z.string().nullable(),
  lang: z.string().nullable(),
  leadImageSha256: z.string().nullable(),
  fieldStatus: z.partialRecord(z.enum(METADATA_FIELDS), FieldStatus),
  /** Oldest first. */
  versions: z.array(ArticleVersionSchema),
});
export type Article = z.infer<typeof ArticleSchema>;

/** The readable body of one version: sanitized HTML for the reader, normalized text for anchoring. */
export const ArticleContentSchema = z.object({
  versionId: RowId,
  articleId: RowId,
  html: z.string(),
  text: z.string(),
});
export type ArticleContent = z.infer<typeof ArticleContentSchema>;
