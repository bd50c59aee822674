import type { DbCheck } from '../../../shared/contract/domains/db';
import { latestVersion, schemaVersion } from '../../../db/migrate';
import { MIGRATIONS } from '../../../db/migrations';
import { countNotes } from '../../../db/repositories/notes';
import type { CoreContext } from '../context';

export function checkDatabase(ctx: CoreContext): DbCheck {
  const quickCheck = (ctx.db.pragma('quick_check') as Array<{ quick_check: string }>).map((r) => r.quick_check);
  const version = schemaVersion(ctx.db);
  const appVersion = latestVersion(MIGRATIONS);
  return {
    ok: quickCheck.length === 1 && quickCheck[0] === 'ok' && version === appVersion,
    quickCheck,
    schemaVersion: version,
    appSchemaVersion: appVersion,
    path: ctx.dbPath,
    noteCount: countNotes(ctx.db),
  };
}
