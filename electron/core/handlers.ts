import type { Channel } from '../../shared/contract/channels';
import type { CoreContext } from './context';
import { dbHandlers } from './handlers/db';
import { libraryHandlers } from './handlers/library';
import { notesHandlers } from './handlers/notes';
import { projectsHandlers } from './handlers/projects';
import { searchHandlers } from './handlers/search';
import { tagsHandlers } from './handlers/tags';
import type { Handler, HandlersFor } from './handlers/types';

export type { Handler };

/** One entry per contract channel: a missing or extra key is a compile error (and a unit test). */
export type Handlers = HandlersFor<Channel>;

/**
 * The single handler table, assembled from one factory per domain. Electron
 * IPC, the browser harness and the CLI all bind this same table through
 * dispatch(); none of them holds logic of its own.
 */
export function createHandlers(ctx: CoreContext): Handlers {
  return {
    ...notesHandlers(ctx),
    ...dbHandlers(ctx),
    ...searchHandlers(ctx),
    ...projectsHandlers(ctx),
    ...tagsHandlers(ctx),
    ...libraryHandlers(ctx),
  };
}
