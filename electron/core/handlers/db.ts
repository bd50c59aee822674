import type { DbChannel } from '../../../shared/contract/channelNames';
import type { CoreContext } from '../context';
import { announced } from '../events';
import * as database from '../services/database';
import type { HandlersFor } from './types';

export function dbHandlers(ctx: CoreContext): HandlersFor<DbChannel> {
  return {
    'db.check': () => database.checkDatabase(ctx),
    'db.status': () => database.databaseStatus(ctx),
    'db.backups.list': () => database.listLibraryBackups(ctx),
    'db.backup': ({ out }) => database.backupNow(ctx, out),
    // A restore or a fresh start swaps the whole library: every window refetches.
    'db.restore': ({ file }) => announced(ctx, { type: 'library.changed' }, database.restoreLibrary(ctx, file)),
    'db.startEmpty': () => announced(ctx, { type: 'library.changed' }, database.startEmptyLibrary(ctx)),
  };
}
