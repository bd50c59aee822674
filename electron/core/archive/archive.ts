import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, fsyncSync, openSync, closeSync, renameSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { once } from 'node:events';
import { schemaVersion } from '../../../db/migrate';
import { DossierError } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { syncDirectory } from '../export/atomicWrite';
import { withReadSnapshot } from '../readSnapshot';
import { archivedTables, columnNames, quoteIdent } from './tables';

/**
 * The lossless archive: the whole library as gzip-compressed JSON Lines (see
 * README "Archive format"). Line 1 is a header; each table is a `table` line
 * followed by one JSON array per row; the last line is an `end` line with row
 * counts and the SHA-256 of every line before it.
 */
export const ARCHIVE_FORMAT = 'dossier-archive';
export const ARCHIVE_VERSION = 1;
const PAGE_ROWS = 256;

type Cell = null | number | string | { $int: string } | { $real: string } | { $blob: string };

function encodeCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : { $int: value.toString() };
  // With safeIntegers on, SQLite INTEGERs arrive as bigint: a number here is always a REAL.
  if (typeof value === 'number') return Number.isInteger(value) || !Number.isFinite(value) ? { $real: String(value) } : value;
  if (typeof value === 'string') return value;
  if (Buffer.isBuffer(value)) return { $blob: value.toString('base64') };
  throw new DossierError('internal', `Cannot archive a value of type ${typeof value}`);
}

function decodeCell(cell: unknown): unknown {
  if (cell === null || typeof cell === 'string') return cell;
  if (typeof cell === 'number') return Number.isInteger(cell) ? BigInt(cell) : cell;
  if (typeof cell === 'object') {
    const record = cell as Record<string, unknown>;
    if (typeof record.$int === 'string' && /^-?\d+$/.test(record.$int)) return BigInt(record.$int);
    if (typeof record.$real === 'string') return Number(record.$real);
    if (typeof record.$blob === 'string') return Buffer.from(record.$blob, 'base64');
  }
  throw new DossierError('invalid_input', 'The archive holds a value Dossier cannot read');
}

export interface ArchiveSummary {
  file: string;
  schemaVersion: number;
  tables: Record<string, number>;
}

export async function exportArchive(ctx: CoreContext, file: string, overwrite: boolean): Promise<ArchiveSummary> {
  if (existsSync(file) && !overwrite) {
    throw new DossierError('forbidden', `${file} already exists; choose another name or pass overwrite.`);
  }
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.dossier-tmp`);
  const out = createWriteStream(temp, { flags: 'wx' });
  const gzip = createGzip();
  gzip.pipe(out);
  const hash = createHash('sha256');
  const write = async (value: unknown): Promise<void> => {
    const line = `${JSON.stringify(value)}\n`;
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

interface ArchiveContents {
  header: Record<string, unknown>;
  /** Table and row lines, after the header. */
  items: unknown[];
  end: { tables: Record<string, number>; sha256: string };
}

/** Reads a whole archive and proves it complete and undamaged (end marker, checksum, header). */
async function readArchive(file: string): Promise<ArchiveContents> {
  if (!existsSync(file)) throw new DossierError('not_found', `${file} does not exist.`);
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const hash = createHash('sha256');
  const parsed: unknown[] = [];
  let end: { tables: Record<string, number>; sha256: string } | undefined;
  try {
    for await (const line of lines) {
      if (end) throw new DossierError('invalid_input', 'The archive has data after its end marker.');
      const value = JSON.parse(line) as unknown;
      if (isRecord(value) && value.end === true) {
        end = value as unknown as typeof end;
        continue;
      }
      hash.update(`${line}\n`);
      parsed.push(value);
    }
  } catch (error) {
    if (error instanceof DossierError) throw error;
    throw new DossierError('invalid_input', `${file} is not a readable Dossier archive (${(error as Error).message}).`);
  }
  if (!end) throw new DossierError('invalid_input', 'The archive is truncated: its end marker is missing. Nothing was imported.');
  if (hash.digest('hex') !== end.sha256) throw new DossierError('invalid_input', 'The archive is damaged: its checksum does not match. Nothing was imported.');

  const header = parsed[0];
  if (!isRecord(header) || header.format !== ARCHIVE_FORMAT) throw new DossierError('invalid_input', `${file} is not a Dossier archive.`);
  if (header.version !== ARCHIVE_VERSION) throw new DossierError('unsupported', `Archive format version ${String(header.version)} is not supported by this Dossier.`);
  if (!isRecord(end.tables)) throw new DossierError('invalid_input', 'The archive\'s end marker has no table counts.');
  return { header, items: parsed.slice(1), end };
}

/** What blocks importing into this library: another schema version, or a library that is not empty. */
function checkImportable(ctx: CoreContext, header: Record<string, unknown>, emptyAdvice: string): number {
  const current = schemaVersion(ctx.db);
  if (header.schemaVersion !== current) {
    throw new DossierError(
      'unsupported',
      `The archive was made with database schema ${String(header.schemaVersion)}; this Dossier uses ${current}. ` +
        'Import it with the Dossier version that made it, then upgrade.',
    );
  }
  for (const table of archivedTables(ctx.db)) {
    const n = ctx.db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${quoteIdent(table)}`).get()!.n;
    if (n > 0) throw new DossierError('forbidden', `Import needs an empty library, but "${table}" has ${n} row(s). ${emptyAdvice}`);
  }
  return current;
}

/**
 * What importing `file` would add (row counts per table from its verified end
 * marker), checked as the import would check it, without writing anything.
 */
export async function inspectArchive(ctx: CoreContext, file: string, emptyAdvice: string): Promise<ArchiveSummary & { createdAt: string | null }> {
  const { header, end } = await readArchive(file);
  const current = checkImportable(ctx, header, emptyAdvice);
  const tables = Object.fromEntries(Object.entries(end.tables).filter(([, n]) => Number.isInteger(n) && n >= 0));
  return { file, schemaVersion: current, tables, createdAt: typeof header.createdAt === 'string' ? header.createdAt : null };
}

/**
 * Restores an archive into an empty library, in one transaction: either every
 * row lands, with foreign keys checked, or nothing does.
 */
export async function importArchive(
  ctx: CoreContext,
  file: string,
  emptyAdvice = 'Import into a new database (--db NEW_FILE).',
): Promise<ArchiveSummary> {
  const { header, items, end } = await readArchive(file);
  const current = checkImportable(ctx, header, emptyAdvice);
  const known = new Set(archivedTables(ctx.db));

  const counts: Record<string, number> = {};
  ctx.db.transaction(() => {
    let insert: ((row: unknown[]) => void) | undefined;
    let table = '';
    let columnCount = 0;
    for (const item of items) {
      if (isRecord(item) && typeof item.table === 'string') {
        table = item.table;
        if (!known.has(table)) throw new DossierError('invalid_input', `The archive has a table this Dossier does not know: ${table}`);
        const columns = item.columns as unknown;
        if (!Array.isArray(columns) || columns.some((c) => typeof c !== 'string')) throw new DossierError('invalid_input', `Bad column list for ${table}`);
        const expected = columnNames(ctx.db, table);
        if (columns.length !== expected.length || columns.some((c) => !expected.includes(c as string))) {
          throw new DossierError('invalid_input', `The archive's columns for ${table} do not match this database.`);
        }
        const statement = ctx.db.prepare(
          `INSERT INTO ${quoteIdent(table)} (${(columns as string[]).map(quoteIdent).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
        );
        columnCount = columns.length;
        counts[table] = 0;
        insert = (row) => statement.run(...row);
        continue;
      }
      if (!insert || !Array.isArray(item) || item.length !== columnCount) throw new DossierError('invalid_input', `A row in ${table || 'the archive'} is malformed.`);
      insert(item.map(decodeCell));
      counts[table]! += 1;
    }
    for (const [name, n] of Object.entries(end.tables)) {
      if ((counts[name] ?? 0) !== n) throw new DossierError('invalid_input', `The archive lists ${n} rows for ${name} but holds ${counts[name] ?? 0}.`);
    }
    const violations = ctx.db.prepare('PRAGMA foreign_key_check').all();
    if (violations.length > 0) throw new DossierError('invalid_input', `The archive's rows break ${violations.length} reference(s); nothing was imported.`);
  })();
  return { file, schemaVersion: current, tables: counts };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
