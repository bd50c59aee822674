import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { Db } from '../../../db/connection';
import { DossierError } from '../../../shared/errors';
import { MAX_ARCHIVE_LINE_BYTES } from '../../../shared/limits';
import type { CoreContext } from '../context';
import { ArchiveChecker, targetSchema, type CheckedArchive } from './check';
import { gzipFileLines, plainFileLines } from './lines';
import { quoteIdent } from './tables';

export interface ArchiveSummary {
  file: string;
  schemaVersion: number;
  tables: Record<string, number>;
}

/**
 * Pass 1: streams the archive once (gunzip, lines capped at
 * MAX_ARCHIVE_LINE_BYTES) and checks all of it — structure, cells, stored
 * bodies within their caps, counts, checksum — holding one line at a time and
 * no transaction. `copyTo` receives the decompressed lines for pass 2.
 */
async function checkArchiveFile(db: Db, file: string, copyTo?: Writable): Promise<CheckedArchive> {
  if (!existsSync(file)) throw new DossierError('not_found', `${file} does not exist.`);
  const checker = new ArchiveChecker(targetSchema(db), { checkBodies: true });
  try {
    for await (const line of gzipFileLines(file, MAX_ARCHIVE_LINE_BYTES)) {
      checker.accept(line);
      if (copyTo && !copyTo.write(Buffer.concat([line, NEWLINE]))) await once(copyTo, 'drain');
    }
  } catch (error) {
    // Our errors, and file-system errors (reading the archive, writing the copy), say what they are.
    if (error instanceof DossierError || typeof (error as { syscall?: unknown }).syscall === 'string') throw error;
    throw new DossierError('invalid_input', `${file} is not a readable Dossier archive (${(error as Error).message}). Nothing was imported.`);
  }
  return checker.finish();
}

const NEWLINE = Buffer.from('\n');

/** What blocks importing into this library: a library that is not empty. */
function checkEmpty(db: Db, tables: Iterable<string>, emptyAdvice: string): void {
  for (const table of tables) {
    const n = db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${quoteIdent(table)}`).get()!.n;
    if (n > 0) throw new DossierError('forbidden', `Import needs an empty library, but "${table}" has ${n} row(s). ${emptyAdvice}`);
  }
}

/**
 * What importing `file` would add (row counts per table), checked exactly as
 * the import checks it, without writing anything.
 */
export async function inspectArchive(ctx: CoreContext, file: string, emptyAdvice: string): Promise<ArchiveSummary & { createdAt: string | null }> {
  const schema = targetSchema(ctx.db);
  checkEmpty(ctx.db, schema.columns.keys(), emptyAdvice);
  const checked = await checkArchiveFile(ctx.db, file);
  checkEmpty(ctx.db, schema.columns.keys(), emptyAdvice);
  return { file, schemaVersion: schema.version, tables: checked.tables, createdAt: checked.createdAt };
}

/**
 * Restores an archive into an empty library: all of it or nothing.
 *
 * The shared connection must never hold a transaction across an await (a
 * save made meanwhile would be acknowledged inside it), yet reading a gzip
 * stream is asynchronous. So: pass 1 streams and checks the whole archive
 * (no transaction) while copying its decompressed lines to a temporary file
 * beside the library; pass 2 reads that file synchronously, line by line,
 * inside one synchronous transaction, re-running the same checks (the
 * checksum proves the copy is what pass 1 verified). Memory stays at about
 * one line; the event loop is free during pass 1; the transaction never
 * spans an await.
 */
export async function importArchive(
  ctx: CoreContext,
  file: string,
  emptyAdvice = 'Import into a new database (--db NEW_FILE).',
): Promise<ArchiveSummary> {
  const schema = targetSchema(ctx.db);
  checkEmpty(ctx.db, schema.columns.keys(), emptyAdvice);
  const temp = stagingPath(ctx.dbPath);
  const copy = createWriteStream(temp, { flags: 'wx', mode: 0o600 });
  let copyError: unknown;
  copy.on('error', (error) => (copyError ??= error));
  try {
    try {
      await checkArchiveFile(ctx.db, file, copy);
    } finally {
      if (!copy.closed) {
        copy.end();
        await once(copy, 'close');
      }
    }
    if (copyError) throw copyError;
    const counts = insertAll(ctx.db, temp, emptyAdvice);
    return { file, schemaVersion: schema.version, tables: counts };
  } finally {
    copy.destroy();
    rmSync(temp, { force: true });
  }
}

/** Pass 2: one synchronous transaction over the checked copy. */
function insertAll(db: Db, copy: string, emptyAdvice: string): Record<string, number> {
  try {
    return db
      .transaction(() => {
        const schema = targetSchema(db);
        // Checked again inside the transaction: something may have been saved during pass 1.
        checkEmpty(db, schema.columns.keys(), emptyAdvice);
        // Every reference is checked once, at the end, with a count (tables may also reference each other in a cycle).
        db.pragma('defer_foreign_keys = ON');
        const checker = new ArchiveChecker(schema, { checkBodies: false });
        let insert: ((row: unknown[]) => void) | undefined;
        for (const line of plainFileLines(copy, MAX_ARCHIVE_LINE_BYTES)) {
          const item = checker.accept(line);
          if (item?.kind === 'table') {
            const statement = db.prepare(
              `INSERT INTO ${quoteIdent(item.table)} (${item.columns.map(quoteIdent).join(', ')}) VALUES (${item.columns.map(() => '?').join(', ')})`,
            );
            insert = (row) => statement.run(...row);
          } else if (item?.kind === 'row') {
            try {
              insert!(item.row);
            } catch (error) {
              throw constraintBroken(error, `Line ${checker.lineNumber} of the archive (a row of ${item.table})`);
            }
          }
        }
        const checked = checker.finish();
        const violations = db.prepare('PRAGMA foreign_key_check').all();
        if (violations.length > 0) throw new DossierError('invalid_input', `The archive's rows break ${violations.length} reference(s); nothing was imported.`);
        return checked.tables;
      })
      .immediate();
  } catch (error) {
    throw constraintBroken(error, 'The archive');
  }
}

/** A row SQLite refuses (duplicate id, NULL where required, a CHECK) is the archive's fault: invalid_input, not an internal error. */
function constraintBroken(error: unknown, where: string): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_CONSTRAINT')) return error;
  return new DossierError('invalid_input', `${where} breaks a rule of the database (${(error as Error).message}); nothing was imported.`);
}

/** Beside the library (the import needs that disk's space anyway); the temp dir for an in-memory one. */
function stagingPath(dbPath: string): string {
  const dir = dbPath === ':memory:' ? tmpdir() : dirname(dbPath);
  const stem = dbPath === ':memory:' ? 'memory' : basename(dbPath);
  return join(dir, `.${stem}.import-${randomBytes(6).toString('hex')}.tmp`);
}
