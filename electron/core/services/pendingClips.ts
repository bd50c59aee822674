import * as repo from '../../../db/repositories/pendingClips';
import { DossierError } from '../../../shared/errors';
import type { CoreContext } from '../context';

/** Removes web addresses waiting for the network; all or nothing: an id that is gone refuses the whole call. */
export function removePendingClips(ctx: CoreContext, ids: readonly number[]): { removed: number } {
  const unique = [...new Set(ids)];
  return ctx.db.transaction(() => {
    const missing = repo.missingPendingClips(ctx.db, unique);
    if (missing.length > 0) {
      throw new DossierError('not_found', `${missing.length === 1 ? 'A pending address was' : `${missing.length} pending addresses were`} already removed or fetched (${missing.slice(0, 5).join(', ')}). Nothing was removed.`);
    }
    return { removed: repo.removePendingClips(ctx.db, unique) };
  }).immediate();
}
