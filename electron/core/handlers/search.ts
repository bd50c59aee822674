import type { SearchChannel } from '../../../shared/contract/channelNames';
import type { CoreContext } from '../context';
import { search } from '../services/search';
import type { HandlersFor } from './types';

export function searchHandlers(ctx: CoreContext): HandlersFor<SearchChannel> {
  return {
    'search.query': ({ query, limit }) => search(ctx, query, limit === undefined ? {} : { limit }),
  };
}
