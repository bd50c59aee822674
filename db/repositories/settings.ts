import type { Db } from '../connection';

/** Library-wide preferences the core reads itself (migration 10), as text values by key. */
export function getSetting(db: Db, key: string): string | undefined {
  return db.prepare(`SELECT value FROM settings WHERE key = ?`).pluck().get(key) as string | undefined;
}

export function setSetting(db: Db, key: string, value: string): void {
  db.prepare(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(key, value);
}
