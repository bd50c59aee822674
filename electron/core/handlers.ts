import type { Channel } from '../../shared/contract/channels';
import type { CoreContext } from './context';
import { articlesHandlers } from './handlers/articles';
import { clipHandlers } from './handlers/clip';
import { dbHandlers } from './handlers/db';
import { exportHandlers } from './handlers/export';
import { notesHandlers } from './handlers/notes';
import { passagesHandlers } from './handlers/passages';
import { libraryHandlers } from './handlers/library';
import { projectsHandlers } from './handlers/projects';
import { searchHandlers } from './handlers/search';
import { tagsHandlers } from './handlers/tags';
import { importHandlers } from './handlers/import';
import { factsHandlers } from './handlers/facts';
import { trashHandlers } from './handlers/trash';
import { connectorHandlers } from './handlers/connector';
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
    ...articlesHandlers(ctx),
    ...dbHandlers(ctx),
    ...clipHandlers(ctx),
    ...passagesHandlers(ctx),
    ...exportHandlers(ctx),
    ...searchHandlers(ctx),
    ...projectsHandlers(ctx),
    ...tagsHandlers(ctx),
    ...libraryHandlers(ctx),
    ...importHandlers(ctx),
    ...factsHandlers(ctx),
    ...trashHandlers(ctx),
    ...connectorHandlers(ctx),
  };
}
