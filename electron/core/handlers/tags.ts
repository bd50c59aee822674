import type { TagsChannel } from '../../../shared/contract/channelNames';
import type { CoreContext } from '../context';
import * as tags from '../services/tags';
import type { HandlersFor } from './types';

export function tagsHandlers(ctx: CoreContext): HandlersFor<TagsChannel> {
  return {
    'tags.list': () => tags.listTags(ctx),
    'tags.add': ({ name, items }) => tags.addTag(ctx, name, items),
    'tags.remove': ({ name, items }) => tags.removeTag(ctx, name, items),
    'tags.ofItem': ({ item }) => tags.tagsOf(ctx, item),
    'tags.rename': ({ id, name }) => tags.renameTag(ctx, id, name),
    'tags.merge': ({ sourceId, targetId }) => tags.mergeTags(ctx, sourceId, targetId),
    'tags.delete': ({ id }) => tags.deleteTag(ctx, id),
  };
}
