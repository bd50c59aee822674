/**
 * The form of every SHA-256 Dossier stores or accepts: 64 lowercase hex digits
 * (what db/sha256.ts produces). A clipped image is stored and served by that
 * name (`dossier-asset:<sha256>`, /asset/<sha256>), so anything else asked for
 * by that name is refused before it reaches the store.
 */
export const SHA256_HEX = /^[0-9a-f]{64}$/;

export function isSha256Hex(value: string): boolean {
  return SHA256_HEX.test(value);
}
