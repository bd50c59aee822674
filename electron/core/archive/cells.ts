import { DossierError } from '../../../shared/errors';

/** One SQLite value in an archive line (see README "Archive format"). */
export type Cell = null | number | string | { $int: string } | { $real: string } | { $blob: string };

export function encodeCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : { $int: value.toString() };
  // With safeIntegers on, SQLite INTEGERs arrive as bigint: a number here is always a REAL.
  if (typeof value === 'number') return Number.isInteger(value) || !Number.isFinite(value) ? { $real: String(value) } : value;
  if (typeof value === 'string') return value;
  if (Buffer.isBuffer(value)) return { $blob: value.toString('base64') };
  throw new DossierError('internal', `Cannot archive a value of type ${typeof value}`);
}

export function decodeCell(cell: unknown): unknown {
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
