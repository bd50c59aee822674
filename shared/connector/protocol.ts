/**
 * The browser connector's wire constants, shared by the extension
 * (renderer/extension) and the app's connector (electron/core/connector).
 * No zod here: the extension bundles this file; the schemas that validate
 * what arrives live in shared/contract/domains/connector.ts.
 */

/** The port the app's connector listens on (127.0.0.1 only); the extension's options may name another. */
export const DEFAULT_CONNECTOR_PORT = 23917;

/**
 * The extension's id, fixed by the public key in its manifest ("key"): the
 * connector accepts requests only from this Origin, so a web page (its own
 * Origin) or another extension (another id) is refused before its token is read.
 */
export const DOSSIER_EXTENSION_ID = 'ogpjhnhbebbpejicmnofonhcaalgjeli';
export const DOSSIER_EXTENSION_ORIGIN = `chrome-extension://${DOSSIER_EXTENSION_ID}`;

/** Paths of the connector's endpoints (all POST, JSON bodies, JSON answers `{ok, value | error}`). */
export const CONNECTOR_PATHS = {
  /** `{}` → `{app: 'dossier'}`, no token needed: tells the extension the app is running. */
  ping: '/connector/ping',
  /** `{code, name}` → `{token}`: trades the one-time code the app shows for a token. */
  pair: '/connector/pair',
  /** `{action, capture}` + `Authorization: Bearer <token>` → a CaptureOutcome. */
  capture: '/connector/capture',
} as const;

export type CaptureAction = 'clip' | 'quote';

/** A page as the browser rendered it, at the moment of capture. */
export interface PageCapture {
  /** The final URL (after redirects and client-side navigation). */
  url: string;
  title: string;
  /** `document.documentElement.outerHTML` after scripts ran, same-origin images inlined as data: URLs. */
  html: string;
  /** ISO-8601 UTC: when the extension captured the page (kept as the version's clip time, also when queued). */
  capturedAt: string;
  /** The selected text, for the quote action. */
  selection?: string | undefined;
}

/** What the app answers for a capture (and what the popup shows). */
export interface CaptureOutcome {
  status: 'clipped' | 'new-version' | 'duplicate' | 'failed';
  articleId: number | null;
  versionId: number | null;
  title: string | null;
  error: string | null;
  /** The quote action: which note received the quote. */
  quote?: { noteId: number; noteTitle: string; passageId: number; newNote: boolean } | undefined;
}
