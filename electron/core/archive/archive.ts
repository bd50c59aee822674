import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, fsyncSync, openSync, closeSync, renameSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createGzip } from 'node:zlib';
import { once } from 'node:events';
import { schemaVersion } from '../../../db/migrate';
import { DossierError } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { syncDirectory } from '../export/atomicWrite';
import { withReadSnapshot } from '../readSnapshot';
import { MAX_ARCHIVE_LINE_BYTES, megabytes } from '../../../shared/limits';
import { encodeCell } from './cells';
import { ARCHIVE_FORMAT, ARCHIVE_VERSION } from './check';
import type { ArchiveSummary } from './importArchive';
import { archivedTables, columnNames, quoteIdent } from './tables';

export { ARCHIVE_FORMAT, ARCHIVE_VERSION } from './check';
export { importArchive, inspectArchive, type ArchiveSummary } from './importArchive';

const PAGE_ROWS = 256;

/**
 * The lossless archive: the whole library as gzip-compressed JSON Lines (see
 * README "Archive format"). Line 1 is a header; each table is a `table` line
 * followed by one JSON array per row; the last line is an `end` line with row
 * counts and the SHA-256 of every line before it.
 */
export async function exportArchive(ctx: CoreContext, file: string, overwrite: boolean): Promise<ArchiveSummary> {
  if (existsSync(file) && !overwrite) {
    throw new DossierError('forbidden', `${file} already exists; choose another name or pass overwrite.`);
  }
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.dossier-tmp`);
  const out = createWriteStream(temp, { flags: 'wx' });
  const gzip = createGzip();
  gzip.pipe(out);
  const hash = createHash('sha256');
  let where = 'the header';
  const write = async (value: unknown): Promise<void> => {
    const line = `${JSON.stringify(value)}\n`;
    // An archive Dossier writes must be one Dossier can read back.
    if (line.length > MAX_ARCHIVE_LINE_BYTES / 3 && Buffer.byteLength(line) > MAX_ARCHIVE_LINE_BYTES) {
      throw new DossierError('too_large', `${where} is larger than an archive line may be (${megabytes(MAX_ARCHIVE_LINE_BYTES)}); no archive was written.`);
    }
    hash.update(line);
    if (!gzip.write(line)) await once(gzip, 'drain');
  };
  const counts: Record<string, number> = {};
  let version = 0;
  try {
    // Read on a snapshot connection: the archive is consistent even while the app keeps writing, and
    // the shared connection stays outside any transaction (a save made meanwhile commits on its own).
    await withReadSnapshot(ctx, async (db) => {
      version = schemaVersion(db);
      await write({ format: ARCHIVE_FORMAT, version: ARCHIVE_VERSION, schemaVersion: version, createdAt: ctx.now() });
      for (const table of archivedTables(db)) {
        const columns = columnNames(db, table);
        where = `The table line of ${table}`;
        await write({ table, columns });
        // Pages by rowid, never holding a cursor open across an await.
        const page = db
          .prepare(`SELECT rowid, ${columns.map(quoteIdent).join(', ')} FROM ${quoteIdent(table)} WHERE rowid > ? ORDER BY rowid LIMIT ${PAGE_ROWS}`)
          .raw(true)
          .safeIntegers(true);
        let n = 0;
        let after: bigint = -(2n ** 63n);
        for (;;) {
          const rows = page.all(after) as unknown[][];
          for (const [rowid, ...row] of rows) {
            where = `Row ${String(rowid)} of ${table}`;
            await write(row.map(encodeCell));
            after = rowid as bigint;
            n += 1;
          }
          if (rows.length < PAGE_ROWS) break;
        }
        counts[table] = n;
      }
    });
    const digest = hash.copy().digest('hex');
    gzip.end(`${JSON.stringify({ end: true, tables: counts, sha256: digest })}\n`);
    await once(out, 'close');
    const fd = openSync(temp, 'r+');
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temp, file);
    syncDirectory(dirname(file));
  } catch (error) {
    gzip.destroy();
    out.destroy();
    try {
      unlinkSync(temp);
    } catch {
      // never created
    }
    throw error;
  }
  return { file, schemaVersion: version, tables: counts };
}
