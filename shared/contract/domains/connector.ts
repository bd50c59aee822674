import { z } from 'zod';
import { RowId } from '../../domain/ids';
import { MAX_CAPTURE_SELECTION_CHARS, MAX_PAGE_BYTES, megabytes } from '../../limits';
import type { ConnectorChannel } from '../channelNames';
import type { ChannelSpec } from '../spec';

/**
 * The browser connector. Two kinds of schema live here:
 * - the app's own channels (the renderer shows the pairing code and says which note is current);
 * - the connector's wire bodies (what the paired extension POSTs to 127.0.0.1),
 *   validated by electron/core/connector before anything runs. A capture is
 *   hostile content like every clip: these bound it, the clip pipeline sanitizes it.
 */
export const connectorContract = {
  /** A new one-time pairing code for the extension (replaces any earlier one); the app shows it. */
  'connector.startPairing': {
    input: z.strictObject({}),
    output: z.object({ code: z.string(), expiresAt: z.string() }),
  },
  /** The note the desk is showing (null: none): where "Quote selection into Dossier" puts its quote. */
  'connector.setCurrentNote': {
    input: z.strictObject({ noteId: RowId.nullable() }),
    output: z.object({ noteId: RowId.nullable() }),
  },
  /** The browser extensions paired with this library (name, origin, when paired, when last used). */
  'connector.pairedExtensions': {
    input: z.strictObject({}),
    output: z.array(z.object({ id: z.string(), name: z.string(), origin: z.string(), pairedAt: z.string(), lastUsedAt: z.string().nullable() })),
  },
  /** Revokes one paired extension: its token is refused from the next request on. */
  'connector.revoke': {
    input: z.strictObject({ id: z.string().regex(/^[0-9a-f]{16}$/, { message: 'Not a paired extension id.' }) }),
    output: z.object({ id: z.string() }),
  },
  /** The note's open editor takes a quote the browser sent (event `note.quoteWaiting`); first claim wins. */
  'connector.claimQuote': {
    input: z.strictObject({ requestId: z.uuid() }),
    output: z.object({ noteId: RowId, passageId: RowId, text: z.string(), kind: z.enum(['block', 'inline']) }),
  },
  /** The editor inserted the claimed quote at its cursor and saved it; accepted: false when it came too late. */
  'connector.quoteInserted': {
    input: z.strictObject({ requestId: z.uuid() }),
    output: z.object({ accepted: z.boolean() }),
  },
} as const satisfies Record<ConnectorChannel, ChannelSpec>;

const PageUrl = z
  .string()
  .max(8000)
  .refine((value) => /^https?:\/\/\S+$/i.test(value), { message: 'Only http(s) pages can be clipped.' });

/** An ISO-8601 UTC instant as `Date#toISOString` writes it. */
const Instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, { message: 'capturedAt must be an ISO-8601 UTC time.' });

export const PageCaptureSchema = z.strictObject({
  url: PageUrl,
  title: z.string().max(2000),
  html: z
    .string()
    .min(1, { message: 'The captured page is empty.' })
    // Characters ≤ bytes; the exact UTF-8 byte cap is checked again by the clip pipeline.
    .max(MAX_PAGE_BYTES, { message: `The page is larger than ${megabytes(MAX_PAGE_BYTES)}: Dossier clips pages up to that size.` }),
  capturedAt: Instant,
  selection: z.string().max(MAX_CAPTURE_SELECTION_CHARS, { message: `The selection is longer than ${MAX_CAPTURE_SELECTION_CHARS} characters: quote a passage, not a page.` }).optional(),
});

export const CaptureRequestSchema = z.strictObject({
  action: z.enum(['clip', 'quote']),
  capture: PageCaptureSchema,
});

export const PairRequestSchema = z.strictObject({
  code: z.string().regex(/^\d{6}$/, { message: 'The pairing code is the 6 digits Dossier shows.' }),
  name: z.string().max(200).optional(),
});
