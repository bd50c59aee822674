import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { SHA256_HEX } from '../../../shared/assetName';
import { DossierError } from '../../../shared/errors';

/**
 * `.dossier-export.json` in an export folder lists every file Dossier wrote
 * there, with the SHA-256 of what it wrote. On re-export a file is Dossier's
 * to replace only if it is listed AND still holds bytes Dossier wrote; a file
 * the user created or edited is never overwritten without `overwrite`.
 */
export const MANIFEST_NAME = '.dossier-export.json';

const ManifestSchema = z.object({
  format: z.literal('dossier-export-manifest'),
  version: z.literal(1),
  files: z.record(
    z.string(),
    z.object({
      /** Every content hash Dossier may have left here (two while an export is in flight). */
      sha256: z.array(z.string().regex(SHA256_HEX)),
      writtenAt: z.string(),
    }),
  ),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export function emptyManifest(): Manifest {
  return { format: 'dossier-export-manifest', version: 1, files: {} };
}


export function readManifest(path: string): Manifest {
  if (!existsSync(path)) return emptyManifest();
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new DossierError('invalid_input', `The export manifest ${path} is not valid JSON; remove it or choose another folder.`);
  }
  const parsed = ManifestSchema.safeParse(raw);
  if (!parsed.success) {
    throw new DossierError('invalid_input', `The export manifest ${path} is not one Dossier wrote; remove it or choose another folder.`);
  }
  return parsed.data;
}

export function serializeManifest(manifest: Manifest): string {
  const files = Object.fromEntries(Object.entries(manifest.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify({ ...manifest, files }, null, 2)}\n`;
}
