import { missingItems } from '../../../db/repositories/projects';
import type { ItemRef } from '../../../shared/domain/organize';
import { DossierError } from '../../../shared/errors';
import type { Db } from '../../../db/connection';

/** Refuses the whole call, changing nothing, when any item is gone (another window may have deleted it). */
export function assertItemsExist(db: Db, items: readonly ItemRef[]): void {
  const missing = missingItems(db, items);
  if (missing.length === 0) return;
  const shown = missing.slice(0, 5).map((m) => `${m.type} ${m.id}`).join(', ');
  throw new DossierError(
    'not_found',
    `${missing.length === 1 ? 'This item does' : `${missing.length} items do`} not exist (${shown}${missing.length > 5 ? ', …' : ''}). Nothing was changed.`,
  );
}

/** One entry per distinct item, so counts reflect what the user selected. */
export function distinctItems<Item extends { type: string; id: number }>(items: readonly Item[]): Item[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = `${item.type}:${item.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
