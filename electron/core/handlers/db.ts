import type { DbChannel } from '../../../shared/contract/channelNames';
import type { CoreContext } from '../context';
import { checkDatabase } from '../services/database';
import type { HandlersFor } from './types';

export function dbHandlers(ctx: CoreContext): HandlersFor<DbChannel> {
  return {
    'db.check': () => checkDatabase(ctx),
  };
}
