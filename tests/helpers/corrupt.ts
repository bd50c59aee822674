import Database from 'better-sqlite3';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';

/**
 * Damages a closed library the way a bad sector or a torn copy does: flips
 * every bit of the first bytes of the b-tree page that holds `table`'s root,
 * which SQLite's quick_check must notice.
 */
export function flipBytesInTablePage(dbPath: string, table: string, count = 12): number {
  const probe = new Database(dbPath, { readonly: true });
  const pageSize = probe.pragma('page_size', { simple: true }) as number;
  const root = (probe.prepare(`SELECT rootpage FROM sqlite_schema WHERE name = ?`).get(table) as { rootpage: number }).rootpage;
  probe.close();
  const offset = (root - 1) * pageSize;
  const fd = openSync(dbPath, 'r+');
  try {
    const bytes = Buffer.alloc(count);
    readSync(fd, bytes, 0, count, offset);
    for (let i = 0; i < count; i += 1) bytes[i] = bytes[i]! ^ 0xff;
    writeSync(fd, bytes, 0, count, offset);
  } finally {
    closeSync(fd);
  }
  return root;
}
