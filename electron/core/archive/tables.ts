import type { Db } from '../../../db/connection';

/**
 * Which tables an archive holds, in an order where every row's foreign keys
 * point at rows already restored. Discovered from the schema rather than
 * listed, so tables added by later migrations (passages, projects, tags…)
 * are archived without touching this code. Virtual tables (full-text indexes)
 * and their shadow tables are derived data: they are rebuilt, not archived.
 */
export function archivedTables(db: Db): string[] {
  const all = db
    .prepare<[], { name: string; sql: string | null }>(
      `SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`,
    )
    .all();
  const virtual = all.filter((t) => /^\s*CREATE\s+VIRTUAL\s+TABLE/i.test(t.sql ?? '')).map((t) => t.name);
  const tables = all
    .map((t) => t.name)
    .filter((name) => !virtual.includes(name) && !virtual.some((v) => name.startsWith(`${v}_`)));

  const dependsOn = new Map<string, Set<string>>();
  for (const table of tables) {
    const parents = db
      .prepare<[], { table: string }>(`SELECT "table" FROM pragma_foreign_key_list('${table.replace(/'/g, "''")}')`)
      .all()
      .map((r) => r.table)
      .filter((parent) => parent !== table && tables.includes(parent));
    dependsOn.set(table, new Set(parents));
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const next = tables.find((t) => !placed.has(t) && [...dependsOn.get(t)!].every((p) => placed.has(p)));
    // A foreign-key cycle between tables: fall back to name order (checked after import anyway).
    const pick = next ?? tables.find((t) => !placed.has(t))!;
    ordered.push(pick);
    placed.add(pick);
  }
  return ordered;
}

export function columnNames(db: Db, table: string): string[] {
  return db.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table.replace(/'/g, "''")}') ORDER BY cid`).all().map((c) => c.name);
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
