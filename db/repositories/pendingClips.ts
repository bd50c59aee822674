import type { Db } from '../connection';

/** Which of these pending-clip ids do not exist (removed meanwhile, or never). */
export function missingPendingClips(db: Db, ids: readonly number[]): number[] {
  const exists = db.prepare<[number], number>(`SELECT 1 FROM pending_clips WHERE id = ?`).pluck();
  return ids.filter((id) => exists.get(id) === undefined);
}

/** Forgets the addresses: their rows go (the store's secure_delete overwrites them). */
export function removePendingClips(db: Db, ids: readonly number[]): number {
  const remove = db.prepare(`DELETE FROM pending_clips WHERE id = ?`);
  let removed = 0;
  for (const id of ids) removed += remove.run(id).changes;
  return removed;
}
