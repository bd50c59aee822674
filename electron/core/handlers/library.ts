import type { LibraryChannel } from '../../../shared/contract/channelNames';
import type { CoreContext } from '../context';
import { setArticleState } from '../services/library';
import type { HandlersFor } from './types';

export function libraryHandlers(ctx: CoreContext): HandlersFor<LibraryChannel> {
  return {
    'library.setArticleState': (change) => setArticleState(ctx, change),
  };
}
