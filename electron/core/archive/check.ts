import { createHash } from 'node:crypto';
import { checkPackedBodies } from '../../../db/versionBodies';
import type { Db } from '../../../db/connection';
import { schemaVersion } from '../../../db/migrate';
import { DossierError } from '../../../shared/errors';
import { decodeCell } from './cells';
import { archivedTables, columnNames } from './tables';

export const ARCHIVE_FORMAT = 'dossier-archive';
export const ARCHIVE_VERSION = 1;

/** What an archive must match: this database's schema version and its archived tables' columns. */
export interface TargetSchema {
  version: number;
  columns: Map<string, string[]>;
}

export function targetSchema(db: Db): TargetSchema {
  return { version: schemaVersion(db), columns: new Map(archivedTables(db).map((table) => [table, columnNames(db, table)])) };
}

export type ArchiveItem =
  | { kind: 'header'; createdAt: string | null }
  | { kind: 'table'; table: string; columns: string[] }
  | { kind: 'row'; table: string; row: unknown[] };

export interface CheckedArchive {
  createdAt: string | null;
  /** Rows per table, as counted (and as the end marker lists them). */
  tables: Record<string, number>;
}

/**
 * Checks an archive line by line, as it streams: the header, each table line
 * against this database's schema, each row's shape and cells, and at the end
 * the end marker, the row counts and the SHA-256 of every line before it.
 * Holds one line at a time; the same checks run in both import passes.
 */
export class ArchiveChecker {
  private readonly hash = createHash('sha256');
  private line = 0;
  private createdAt: string | null = null;
  private end: { tables: Map<string, number>; sha256: string } | undefined;
  private table: { name: string; columns: string[] } | undefined;
  private readonly counts = new Map<string, number>();

  constructor(
    private readonly schema: TargetSchema,
    private readonly options: { checkBodies: boolean },
  ) {}

  get lineNumber(): number {
    return this.line;
  }

  accept(bytes: Buffer): ArchiveItem | undefined {
    this.line += 1;
    if (this.end) throw invalid('The archive has data after its end marker.');
    let value: unknown;
    try {
      value = JSON.parse(bytes.toString('utf8'));
    } catch {
      throw invalid(this.line === 1 ? 'The file is not a Dossier archive.' : `Line ${this.line} of the archive is not valid JSON (the file is damaged).`);
    }
    if (this.line > 1 && isRecord(value) && value.end === true) {
      this.end = parseEnd(value);
      return undefined;
    }
    this.hash.update(bytes);
    this.hash.update('\n');
    if (this.line === 1) return this.acceptHeader(value);
    if (isRecord(value)) return this.acceptTable(value);
    return this.acceptRow(value);
  }

  finish(): CheckedArchive {
    if (!this.end) throw invalid('The archive is truncated: its end marker is missing.');
    if (this.hash.digest('hex') !== this.end.sha256) throw invalid('The archive is damaged: its checksum does not match.');
    for (const [table, n] of this.end.tables) {
      if ((this.counts.get(table) ?? 0) !== n) throw invalid(`The archive lists ${n} rows for ${table} but holds ${this.counts.get(table) ?? 0}.`);
    }
    for (const [table, n] of this.counts) {
      if (!this.end.tables.has(table) && n > 0) throw invalid(`The archive holds rows for ${table} that its end marker does not list.`);
    }
    return { createdAt: this.createdAt, tables: Object.fromEntries(this.counts) };
  }

  private acceptHeader(value: unknown): ArchiveItem {
    if (!isRecord(value) || value.format !== ARCHIVE_FORMAT) throw invalid('The file is not a Dossier archive.');
    if (value.version !== ARCHIVE_VERSION) throw new DossierError('unsupported', `Archive format version ${String(value.version)} is not supported by this Dossier.`);
    if (value.schemaVersion !== this.schema.version) {
      throw new DossierError(
        'unsupported',
        `The archive was made with database schema ${String(value.schemaVersion)}; this Dossier uses ${this.schema.version}. ` +
          'Import it with the Dossier version that made it, then upgrade.',
      );
    }
    this.createdAt = typeof value.createdAt === 'string' ? value.createdAt : null;
    return { kind: 'header', createdAt: this.createdAt };
  }

  private acceptTable(value: Record<string, unknown>): ArchiveItem {
    const name = value.table;
    if (typeof name !== 'string') throw invalid(`Line ${this.line} of the archive is neither a table nor a row.`);
    const expected = this.schema.columns.get(name);
    if (!expected) throw invalid(`The archive has a table this Dossier does not know: ${name}`);
    if (this.counts.has(name)) throw invalid(`The archive lists the table ${name} twice.`);
    const columns = value.columns;
    if (!Array.isArray(columns) || columns.some((c) => typeof c !== 'string')) throw invalid(`Bad column list for ${name}`);
    if (columns.length !== expected.length || new Set(columns).size !== columns.length || columns.some((c) => !expected.includes(c as string))) {
      throw invalid(`The archive's columns for ${name} do not match this database.`);
    }
    this.table = { name, columns: columns as string[] };
    this.counts.set(name, 0);
    return { kind: 'table', table: name, columns: columns as string[] };
  }

  private acceptRow(value: unknown): ArchiveItem {
    const table = this.table;
    if (!table || !Array.isArray(value) || value.length !== table.columns.length) {
      throw invalid(`Line ${this.line} of the archive: a row in ${table?.name ?? 'the archive'} is malformed.`);
    }
    let row: unknown[];
    try {
      row = value.map(decodeCell);
    } catch (error) {
      throw invalid(`Line ${this.line} of the archive: ${(error as Error).message}.`);
    }
    if (this.options.checkBodies && table.name === 'article_versions') {
      const cells = Object.fromEntries(table.columns.map((c, i) => [c, row[i]]));
      try {
        checkPackedBodies({ content_html_z: cells.content_html_z, original_z: cells.original_z, content_text: cells.content_text });
      } catch (error) {
        const reason = error instanceof DossierError ? error.message : 'it is not a readable compressed stream';
        throw invalid(`Line ${this.line} of the archive: an article version's stored body is refused: ${reason}`);
      }
    }
    this.counts.set(table.name, this.counts.get(table.name)! + 1);
    return { kind: 'row', table: table.name, row };
  }
}

function parseEnd(value: Record<string, unknown>): { tables: Map<string, number>; sha256: string } {
  const tables = value.tables;
  if (!isRecord(tables) || typeof value.sha256 !== 'string') throw invalid('The archive\'s end marker is malformed.');
  const counts = new Map<string, number>();
  for (const [table, n] of Object.entries(tables)) {
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) throw invalid(`The archive's end marker has a bad row count for ${table}.`);
    counts.set(table, n);
  }
  return { tables: counts, sha256: value.sha256 };
}

function invalid(message: string): DossierError {
  return new DossierError('invalid_input', `${message} Nothing was imported.`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
