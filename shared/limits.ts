/**
 * Size caps that guard memory against hostile or damaged data, in one place.
 * (Clip-time caps — page, image, file sizes — still live beside their code.)
 */
const MiB = 1024 * 1024;

/**
 * The longest line a Dossier archive may hold (one table row as JSON). The
 * largest row Dossier itself writes is an article version: its text (a page
 * is at most 24 MB), its compressed original in base64 (4/3 of up to 24 MB)
 * and, in rows stored before migration 7, its plain HTML — well under this.
 * Export refuses to write a longer line, so every archive Dossier writes,
 * Dossier can read; import refuses one before building a string from it.
 */
export const MAX_ARCHIVE_LINE_BYTES = 128 * MiB;

/**
 * What one stored body (an article version's clean HTML, or its original
 * bytes) may inflate to. Clipping caps pages at 24 MB, and serialized HTML
 * is at most ~5x its source (entity escapes), so a real body is far below;
 * a zlib bomb (1,000:1 and more) is refused here instead of costing GBs.
 */
export const MAX_STORED_BODY_BYTES = 128 * MiB;

export function megabytes(bytes: number): string {
  return `${Math.round(bytes / MiB)} MB`;
}
