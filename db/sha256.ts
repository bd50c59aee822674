import { createHash } from 'node:crypto';

/**
 * THE SHA-256 of Dossier: lowercase hex of the digest of `data` (a string is
 * hashed as UTF-8). Every stored checksum uses it: article_versions.text_sha256
 * and original_sha256, passages.exact_sha256, assets.sha256 (an image's name),
 * note_checksums.json_sha256, and the export manifest's file hashes.
 *
 * Why not in shared/: only Node code computes hashes (db/, the clipper, the
 * exporter). The renderer only carries them (as `dossier-asset:<sha256>`
 * names) and never hashes, and shared/ must run in the renderer, where
 * node:crypto does not exist; a pure-JS SHA-256 there would be a dependency
 * with no caller. It lives in db/ because db/ is the lowest Node layer: the
 * store, electron/core and the CLI can all import it.
 * (The archive's streaming checksum feeds a hash incrementally and stays with
 * the archive code.)
 */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
