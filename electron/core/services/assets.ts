import { getAsset } from '../../../db/repositories/articles';
import { isSha256Hex } from '../../../shared/assetName';
import type { CoreContext } from '../context';

/** The image types the clipper stores (sniffed from their bytes); anything else is never served. */
const SERVABLE = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif']);

/** A stored asset for the asset route/protocol, only if it is a servable image. */
export function readAssetForServing(ctx: CoreContext, sha256: string): { mimeType: string; bytes: Uint8Array } | undefined {
  if (!isSha256Hex(sha256)) return undefined;
  const asset = getAsset(ctx.db, sha256);
  return asset && SERVABLE.has(asset.mimeType) ? asset : undefined;
}
