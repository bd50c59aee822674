import type { DbChannel } from '../../../shared/contract/channelNames';
import type { CoreContext } from '../context';
import * as database from '../services/database';
import type { HandlersFor } from './types';

export function dbHandlers(ctx: CoreContext): HandlersFor<DbChannel> {
  return {
    'db.check': () => database.checkDatabase(ctx),
    'db.status': () => database.databaseStatus(ctx),
    'db.backups.list': () => database.listLibraryBackups(ctx),
    'db.backup': ({ out }) => database.backupNow(ctx, out),
    'db.restore': ({ file }) => database.restoreLibrary(ctx, file),
    'db.startEmpty': () => database.startEmptyLibrary(ctx),
  };
}
