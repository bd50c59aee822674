/**
 * Every byte, element, count and depth cap on input Dossier accepts, in one
 * place, each with why it is what it is. A cap is a rule: the renderer's
 * early check, the IPC contract and the core's check must use the same number,
 * so they import it from here. Alphabetical; keep it that way (plain constants,
 * no Node or DOM, usable by every process).
 */

const MB = 1024 * 1024;

/**
 * The longest line a Dossier archive may hold (one table row as JSON). The
 * largest row Dossier itself writes is an article version: its text (a page
 * is at most 24 MB), its compressed original in base64 (4/3 of up to 24 MB)
 * and, in rows stored before migration 7, its plain HTML — well under this.
 * Export refuses to write a longer line, so every archive Dossier writes,
 * Dossier can read; import refuses one before building a string from it.
 */
export const MAX_ARCHIVE_LINE_BYTES = 128 * MB;

/** Attachments (images beside a saved page) read per clip; more are ignored. Bounds the work of one drop. */
export const MAX_ATTACHMENTS_PER_CLIP = 500;

/** Inputs (files, URLs, pastes) in one clip.save call. */
export const MAX_CLIP_INPUTS = 200;

/**
 * A capture the browser extension sends to the connector (the page's HTML with
 * same-origin images inlined, as JSON): a 24 MB page plus JSON escaping. The
 * connector refuses a larger body from its Content-Length before reading it,
 * and the extension refuses a page above MAX_PAGE_BYTES before queueing it.
 */
export const MAX_CAPTURE_BODY_BYTES = 2 * 24 * MB + MB; // 2 × MAX_PAGE_BYTES + 1 MB (declared below; alphabetical order)

/** Selected text sent with "Quote selection into Dossier", in characters: a quote, not a page. */
export const MAX_CAPTURE_SELECTION_CHARS = 20_000;

/** Captures the extension keeps while the app is not running; a further capture is refused with a message, never dropped silently. */
export const MAX_CAPTURE_QUEUE = 200;

/** A file name made from a title, in UTF-8 bytes: room under the usual 255-byte limit for our temp-file prefix. */
export const MAX_FILE_NAME_BYTES = 200;

/** Elements in a clipped page: beyond this the page is refused rather than stalling the app. */
export const MAX_HTML_ELEMENTS = 200_000;

/** Approximate markup nesting of a clipped page: beyond this it is refused before parsing (parsing alone would take many seconds). */
export const MAX_HTML_NESTING = 2000;

/** A request body to the browser harness's /api (electron/web): a 24 MB page in base64 JSON fits. */
export const MAX_HTTP_BODY_BYTES = 64 * MB;

/** One image stored with a clip (file, download or data: URL); larger images are dropped, with a note. */
export const MAX_IMAGE_BYTES = 15 * MB;

/** Images stored per clip; the rest are dropped. */
export const MAX_IMAGES_PER_CLIP = 200;

/** A note's serialized editor state, in characters: refused above this rather than truncated. */
export const MAX_NOTE_CONTENT_CHARS = 8_000_000;

/** Nesting of a note's editor state (lists in lists...): deeper is refused as hostile, it would overflow recursive walks. */
export const MAX_NOTE_DEPTH = 64;

/** Nodes in a note's editor state. */
export const MAX_NOTE_NODES = 500_000;

/**
 * A page to clip, in bytes: the file picked or dropped, the pasted text, the
 * downloaded body, a gzipped page once inflated, and an imported text/Markdown
 * article. Real article pages, images excluded, stay far below it.
 */
export const MAX_PAGE_BYTES = 24 * MB;

/**
 * Markup nesting above which Readability is skipped (its cost grows steeply
 * with depth: ≈1 s at depth 300, ≈30 s at 1000); the page keeps its whole text.
 */
export const MAX_READABILITY_DEPTH = 256;

/**
 * What one stored body (an article version's clean HTML, or its original
 * bytes) may inflate to. Clipping caps pages at 24 MB, and serialized HTML
 * is at most ~5x its source (entity escapes), so a real body is far below;
 * a zlib bomb (1,000:1 and more) is refused here instead of costing GBs.
 */
export const MAX_STORED_BODY_BYTES = 128 * MB;

/** A keepalive request body (the web harness's save while the page unloads): browsers cap them at 64 KiB in total. */
export const MAX_WEB_KEEPALIVE_BYTES = 60 * 1024;

/** A byte count as users read it ("24 MB"), for the messages that name a cap. */
export function megabytes(bytes: number): string {
  return `${Math.round(bytes / MB)} MB`;
}

/** A highlight label's length in characters (after normalization; migration 12 checks the same). */
export const MAX_HIGHLIGHT_LABEL_CHARS = 40;
/** A highlight comment's length in characters (migration 12 checks the same). */
export const MAX_HIGHLIGHT_COMMENT_CHARS = 4000;
