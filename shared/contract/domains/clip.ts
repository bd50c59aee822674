import { z } from 'zod';
import { ArticleSchema, FieldStatus, METADATA_FIELDS } from '../../domain/article';
import { RowId } from '../../domain/ids';
import type { ClipChannel } from '../channelNames';
import type { ChannelSpec } from '../spec';
import { MAX_CLIP_INPUTS, MAX_PAGE_BYTES } from '../../limits';

/** Largest file a renderer may send (base64 in JSON): one page. */
const MAX_BASE64 = Math.ceil(MAX_PAGE_BYTES / 3) * 4;

const Base64 = z
  .string()
  .max(MAX_BASE64, { message: `File is larger than ${MAX_PAGE_BYTES / 1024 / 1024} MB: Dossier clips pages up to that size.` })
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'File contents must be base64.' });

const FileName = z.string().min(1).max(1000);
const HttpUrl = z
  .string()
  .max(8000)
  .refine((value) => /^https?:\/\/\S+$/i.test(value), { message: 'Must be an http(s) URL.' });

export const ClipSourceSchema = z.discriminatedUnion('kind', [
  /** A file's contents (the renderer reads dropped or chosen files; it never sends paths). */
  z.strictObject({ kind: z.literal('file'), name: FileName, dataBase64: Base64 }),
  /** Pasted content. */
  z.strictObject({
    kind: z.literal('paste'),
    format: z.enum(['html', 'text', 'markdown']),
    content: z.string().min(1, { message: 'Nothing to clip: the pasted content is empty.' }).max(MAX_PAGE_BYTES, { message: `The pasted content is larger than ${MAX_PAGE_BYTES / 1024 / 1024} MB.` }),
  }),
  z.strictObject({ kind: z.literal('url'), url: HttpUrl }),
]);
export type ClipSourceInput = z.infer<typeof ClipSourceSchema>;

/** Files dropped along with pages (a saved page's _files images), matched to image references by name. */
const Attachments = z.array(z.strictObject({ name: FileName, dataBase64: Base64 })).max(500);

export const ClipStatus = z.enum(['clipped', 'new-version', 'duplicate', 'failed', 'pending']);
export type ClipStatus = z.infer<typeof ClipStatus>;

export const ClipResultSchema = z.object({
  /** The file name, path, URL or "pasted content". */
  input: z.string(),
  status: ClipStatus,
  articleId: RowId.nullable(),
  versionId: RowId.nullable(),
  title: z.string().nullable(),
  error: z.string().nullable(),
  warnings: z.array(z.string()),
  /** Set when the clip failed because the URL's host is on this computer or a private network: confirm it, then clip again with allowPrivateHost. */
  confirmHost: z.string().optional(),
});
export type ClipResult = z.infer<typeof ClipResultSchema>;

/** An article the clip looks like a changed copy of (shared/clip/versionMatch.ts): offered as "Save as a new version of “…”". */
export const VersionMatchSchema = z.object({
  articleId: RowId,
  title: z.string(),
  /** 'url': the same web address; 'similar': a like title and most of the same wording. */
  reason: z.enum(['url', 'similar']),
  /** Share of the shorter text's wording found in the other, 0..1 (1 for an address match). */
  similarity: z.number().min(0).max(1),
});
export type VersionMatch = z.infer<typeof VersionMatchSchema>;

export const ClipPreviewSchema = z.object({
  title: z.string(),
  byline: z.string().nullable(),
  authors: z.array(z.string()),
  siteName: z.string().nullable(),
  publishedTime: z.string().nullable(),
  modifiedTime: z.string().nullable(),
  lang: z.string().nullable(),
  excerpt: z.string().nullable(),
  url: z.string().nullable(),
  leadImageUrl: z.string().nullable(),
  text: z.string(),
  html: z.string(),
  wordCount: z.number().int().nonnegative(),
  warnings: z.array(z.string()),
  fieldStatus: z.partialRecord(z.enum(METADATA_FIELDS), FieldStatus),
  /** Images the article shows (stored on save; not shown in the preview). */
  imageCount: z.number().int().nonnegative(),
  /** The library article this looks like a changed copy of (the app's preview; absent from `clip --dry-run`). */
  match: VersionMatchSchema.nullable().optional(),
});
export type ClipPreview = z.infer<typeof ClipPreviewSchema>;

export const PendingClipSchema = z.object({
  id: RowId,
  url: z.string(),
  status: z.enum(['pending', 'failed', 'done']),
  lastError: z.string().nullable(),
  attempts: z.number().int().nonnegative(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PendingClipInfo = z.infer<typeof PendingClipSchema>;

const Results = z.strictObject({ results: z.array(ClipResultSchema) });
const OriginalUrl = HttpUrl.optional();
/** The one host the user confirmed may be fetched although it is on a private network (a URL's host name, as shown in confirmHost). */
const AllowPrivateHost = z.string().min(1).max(300).optional();
const NullableText = z.string().max(2000).nullable();

/** A date as citations need it: YYYY-MM-DD, or an ISO date-time; refused when the calendar has no such day. */
const PublicationDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/, 'Dates are YYYY-MM-DD or an ISO date and time')
  .refine((value) => {
    const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  }, 'No such day in the calendar');

/** The fields the paste preview lets the journalist correct before saving (the same checks as articles.updateMetadata). */
const PreviewMetadataEdit = z.strictObject({
  title: z.string().trim().min(1).max(2000).optional(),
  authors: z.array(z.string().trim().min(1).max(300)).max(100).optional(),
  siteName: NullableText.optional(),
  publishedAt: PublicationDate.nullable().optional(),
});
export type PreviewMetadataEdit = z.infer<typeof PreviewMetadataEdit>;

export const clipContract = {
  /** Extracts one input and returns what would be stored; stores nothing. */
  'clip.preview': {
    input: z.strictObject({ source: ClipSourceSchema, url: OriginalUrl, allowPrivateHost: AllowPrivateHost }),
    output: ClipPreviewSchema,
  },
  /**
   * Stores each input in its own transaction; one result per input, in order.
   * With one input (a previewed paste): `metadata` are the journalist's
   * corrections from the preview (stored as edited, in the clip's transaction),
   * `versionOf` the article the journalist chose to add this as a new version of.
   */
  'clip.save': {
    input: z
      .strictObject({
        inputs: z.array(ClipSourceSchema).min(1).max(MAX_CLIP_INPUTS),
        url: OriginalUrl,
        attachments: Attachments.optional(),
        allowPrivateHost: AllowPrivateHost,
        metadata: PreviewMetadataEdit.optional(),
        versionOf: RowId.optional(),
      })
      .refine((v) => v.inputs.length === 1 || (v.metadata === undefined && v.versionOf === undefined), 'Corrections and "new version of" apply to one clip at a time'),
    output: Results,
  },
  /** Clips files by path: only for hosts that grant path access (the CLI); refused as forbidden elsewhere. */
  'clip.files': {
    input: z.strictObject({ paths: z.array(z.string().min(1).max(4096)).min(1).max(10_000), url: OriginalUrl, project: z.string().min(1).max(500).optional(), allowPrivateHost: AllowPrivateHost }),
    output: Results,
  },
  /** Electron: shows the native file dialog and clips the chosen files. Unsupported in the browser harness. */
  'clip.pickFiles': {
    input: z.strictObject({}),
    output: Results,
  },
  /**
   * Electron: shows the native file dialog and remembers the chosen paths as a batch; the renderer
   * then clips them one by one with clip.chosenFile, showing progress. Only names cross to the renderer.
   */
  'clip.chooseFiles': {
    input: z.strictObject({}),
    output: z.object({ batch: z.string(), names: z.array(z.string()) }),
  },
  /** Clips file `index` of a batch chosen with clip.chooseFiles (paths never come from the renderer). */
  'clip.chosenFile': {
    input: z.strictObject({ batch: z.string().min(1).max(100), index: z.number().int().nonnegative().max(9_999) }),
    output: ClipResultSchema,
  },
  /** URLs clipped while offline. */
  'clip.pending': {
    input: z.strictObject({}),
    output: z.array(PendingClipSchema),
  },
  /** Fetches every pending URL clip again, or only these (the app fetches one at a time to show a progress bar). */
  'clip.fetchPending': {
    input: z.strictObject({ ids: z.array(RowId).min(1).max(1000).optional() }),
    output: Results,
  },
  /** Forgets pending web addresses; an id already gone refuses the whole call, removing nothing. */
  'clip.removePending': {
    input: z.strictObject({ ids: z.array(RowId).min(1).max(1000) }),
    output: z.object({ removed: z.number().int().nonnegative() }),
  },
  /** The user's metadata corrections; each edited field is marked 'edited' and survives re-clips. */
  'articles.updateMetadata': {
    input: z.strictObject({
      id: RowId,
      title: z.string().trim().min(1).max(2000).optional(),
      authors: z.array(z.string().trim().min(1).max(300)).max(100).optional(),
      siteName: NullableText.optional(),
      publishedAt: PublicationDate.nullable().optional(),
      modifiedAt: PublicationDate.nullable().optional(),
      canonicalUrl: HttpUrl.nullable().optional(),
      lang: z.string().max(35).nullable().optional(),
      excerpt: z.string().max(5000).nullable().optional(),
    }),
    output: ArticleSchema,
  },
  'articles.delete': {
    input: z.strictObject({ id: RowId }),
    output: z.object({ deleted: z.literal(true) }),
  },
  /** The original capture of a version as plain text (to check what extraction dropped). */
  'articles.originalText': {
    input: z.strictObject({ versionId: RowId }),
    output: z.object({ versionId: RowId, text: z.string(), sourceKind: z.enum(['file', 'paste', 'url']), sourceLocation: z.string().nullable() }),
  },
} as const satisfies Record<ClipChannel, ChannelSpec>;
