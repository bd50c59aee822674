import type { TrashChannel } from '../../../shared/contract/channelNames';
import type { CoreContext } from '../context';
import * as trash from '../services/trash';
import type { HandlersFor } from './types';

export function trashHandlers(ctx: CoreContext): HandlersFor<TrashChannel> {
  return {
    'trash.list': () => trash.listTrash(ctx),
    'trash.restore': ({ items }) => trash.restore(ctx, items),
    'trash.deletePermanently': ({ items }) => trash.deletePermanently(ctx, items),
    'trash.empty': () => trash.emptyTrash(ctx),
    'trash.settings': ({ retentionDays }) => trash.trashSettings(ctx, retentionDays),
  };
}
