import { DOSSIER_EXTENSION_ORIGIN } from '../../../shared/connector/protocol';

/**
 * Which Origins may talk to the connector at all (before any token is read).
 * - Chrome, Edge, Chromium: the Dossier extension's fixed origin, its id set by
 *   the public key in the manifest; another extension has another id.
 * - Firefox: `moz-extension://<UUID>`, a random UUID per installation, so no
 *   origin can be fixed in advance. Any such origin may ask to PAIR (which still
 *   needs the one-time code the app shows); a token is then bound to the exact
 *   origin that paired, so captures are accepted only from that installation.
 * Web pages (http(s) origins), `null`, other schemes and malformed values are refused.
 */
const FIREFOX_EXTENSION_ORIGIN = /^moz-extension:\/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type ExtensionOriginKind = 'chromium' | 'firefox';

/** The kind of extension origin this is, or null when it may not use the connector. */
export function extensionOriginKind(origin: string | undefined, chromiumOrigins: readonly string[] = [DOSSIER_EXTENSION_ORIGIN]): ExtensionOriginKind | null {
  if (origin === undefined) return null;
  if (chromiumOrigins.includes(origin)) return 'chromium';
  if (FIREFOX_EXTENSION_ORIGIN.test(origin)) return 'firefox';
  return null;
}
